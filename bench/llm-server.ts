/**
 * A local OpenAI-compatible chat endpoint for the LLM benches: `POST /v1/chat/completions` on
 * 127.0.0.1, served by node-llama-cpp from a GGUF file. It speaks what Minutebook's chat model
 * sends: `max_tokens` / `max_completion_tokens`, `temperature`, `stop`, `stream` (server-sent
 * events) and `response_format: { type: "json_schema" }`, which it enforces with a grammar. When
 * the client closes the connection mid-reply, generation stops (the log says so).
 *
 * node-llama-cpp is not a project dependency: it is installed beside the benches' data, in a
 * git-ignored folder, with its own package.json (see bench/llm-answers.ts for the steps):
 *
 *   mkdir -p bench/.data/llm && cd bench/.data/llm
 *   echo '{"name":"minutebook-bench-llm","private":true,"type":"module"}' > package.json
 *   npm i -E --no-audit --no-fund node-llama-cpp@3.21.1
 *
 * Run on its own:  npx tsx bench/llm-server.ts --model <file.gguf> [--port 8091] [--context 4096] [--threads 1]
 */
import { existsSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the bench installs node-llama-cpp and unpacks model weights. */
export const BENCH_LLM_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '.data/llm');

/** The part of node-llama-cpp's API this server uses (it is loaded at run time, untyped). */
interface LlamaModule {
  getLlama(options?: { logLevel?: string }): Promise<Llama>;
  LlamaChat: new (options: { contextSequence: unknown }) => LlamaChat;
}
interface Llama {
  loadModel(options: { modelPath: string }): Promise<LlamaModel>;
  createGrammarForJsonSchema(schema: unknown): Promise<unknown>;
}
interface LlamaModel {
  createContext(options: { contextSize: number; threads?: number }): Promise<{ getSequence(): unknown }>;
  tokenize(text: string): unknown[];
  dispose(): Promise<void>;
}
type HistoryItem = { type: 'system' | 'user'; text: string } | { type: 'model'; response: string[] };
interface LlamaChat {
  generateResponse(
    history: HistoryItem[],
    options: {
      maxTokens?: number;
      temperature?: number;
      seed?: number;
      grammar?: unknown;
      customStopTriggers?: string[];
      signal?: AbortSignal;
      stopOnAbortSignal?: boolean;
      onTextChunk?: (text: string) => void;
    },
  ): Promise<{ response: string; metadata?: { stopReason?: string } }>;
}

/** Loads node-llama-cpp from the bench's own folder, or returns null when it is not installed there. */
export async function loadLlamaModule(dir: string = BENCH_LLM_DIR): Promise<LlamaModule | null> {
  const entry = path.join(dir, 'node_modules/node-llama-cpp/dist/index.js');
  if (!existsSync(entry)) return null;
  return (await import(pathToFileURL(entry).href)) as LlamaModule;
}

export interface LocalModelServer {
  baseUrl: string;
  /** Requests whose client went away before the reply was finished, and were stopped. */
  readonly aborted: number;
  /** Prompt tokens of each request generated, in order. */
  readonly promptTokens: number[];
  close(): Promise<void>;
}

export interface LocalModelServerOptions {
  modelPath: string;
  /** Context window in tokens; a prompt that does not fit is refused with HTTP 400, as llama.cpp does. */
  contextSize?: number;
  port?: number;
  /** Fixed sampling seed, so bench runs can be repeated. */
  seed?: number;
  /**
   * Threads generating. 1 by default: llama.cpp's threads spin while they wait for each other, and
   * on a busy 2-core machine four of them (its default here) stalled generation for minutes.
   */
  threads?: number;
  log?: (line: string) => void;
}

interface ChatBody {
  messages: Array<{ role: string; content: string }>;
  maxTokens: number;
  temperature: number | undefined;
  stop: string[];
  stream: boolean;
  schema: unknown;
}

/** Reads the request body fields the server honours; anything malformed is a 400. */
function readBody(raw: unknown): ChatBody | string {
  if (typeof raw !== 'object' || raw === null) return 'the body must be a JSON object';
  const body = raw as Record<string, unknown>;
  if (!Array.isArray(body.messages)) return 'messages must be an array';
  const messages = body.messages.map((m: unknown) => {
    const message = (m ?? {}) as Record<string, unknown>;
    return { role: String(message.role), content: String(message.content ?? '') };
  });
  const limit = body.max_completion_tokens ?? body.max_tokens;
  const format = (body.response_format ?? null) as { type?: string; json_schema?: { schema?: unknown } } | null;
  return {
    messages,
    maxTokens: typeof limit === 'number' ? limit : 512,
    temperature: typeof body.temperature === 'number' ? body.temperature : undefined,
    stop: Array.isArray(body.stop) ? body.stop.map(String) : typeof body.stop === 'string' ? [body.stop] : [],
    stream: body.stream === true,
    schema: format?.type === 'json_schema' ? (format.json_schema?.schema ?? null) : null,
  };
}

function historyOf(messages: ChatBody['messages']): HistoryItem[] {
  const items: HistoryItem[] = messages.map((m) =>
    m.role === 'assistant'
      ? { type: 'model', response: [m.content] }
      : { type: m.role === 'system' ? 'system' : 'user', text: m.content },
  );
  items.push({ type: 'model', response: [] });
  return items;
}

function sendError(res: ServerResponse, status: number, message: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: { message, type: 'invalid_request_error' } }));
}

/** Starts the server; one request is generated at a time, later ones wait their turn. */
export async function startLocalModelServer(options: LocalModelServerOptions): Promise<LocalModelServer> {
  const module = await loadLlamaModule();
  if (!module) throw new Error(`node-llama-cpp is not installed in ${BENCH_LLM_DIR}: see bench/llm-server.ts`);
  const log = options.log ?? (() => {});
  const contextSize = options.contextSize ?? 4096;
  const llama = await module.getLlama({ logLevel: 'error' });
  const model = await llama.loadModel({ modelPath: options.modelPath });
  const context = await model.createContext({ contextSize, threads: options.threads ?? 1 });
  const chat = new module.LlamaChat({ contextSequence: context.getSequence() });
  const grammars = new Map<string, unknown>();
  let queue: Promise<void> = Promise.resolve();
  let aborted = 0;
  const promptTokens: number[] = [];

  async function generate(body: ChatBody, res: ServerResponse): Promise<void> {
    const prompt = model.tokenize(body.messages.map((m) => m.content).join('\n')).length;
    promptTokens.push(prompt);
    if (prompt + body.maxTokens > contextSize) {
      sendError(
        res,
        400,
        `the request exceeds the available context size (${prompt} prompt + ${body.maxTokens} completion tokens > ${contextSize})`,
      );
      return;
    }
    let grammar: unknown;
    if (body.schema) {
      const key = JSON.stringify(body.schema);
      grammar = grammars.get(key) ?? (await llama.createGrammarForJsonSchema(body.schema));
      grammars.set(key, grammar);
    }
    const controller = new AbortController();
    let finished = false;
    res.on('close', () => {
      if (!finished) {
        aborted++;
        log('client closed the connection: generation stopped');
        controller.abort();
      }
    });
    const id = `chatcmpl-local-${Date.now()}`;
    const created = Math.floor(Date.now() / 1000);
    if (body.stream) res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: 'local', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const result = await chat.generateResponse(historyOf(body.messages), {
      maxTokens: body.maxTokens,
      ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(grammar ? { grammar } : {}),
      ...(body.stop.length > 0 && !grammar ? { customStopTriggers: body.stop } : {}),
      signal: controller.signal,
      stopOnAbortSignal: true,
      onTextChunk: (text) => {
        if (body.stream && !res.destroyed) res.write(event({ content: text }, null));
      },
    });
    finished = true;
    // (`req.destroyed` is no sign of a gone client: a request is destroyed once its body is read.)
    if (res.destroyed) return;
    const reason = result.metadata?.stopReason === 'maxTokens' ? 'length' : 'stop';
    if (body.stream) {
      res.end(`${event({}, reason)}data: [DONE]\n\n`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: 'local',
        choices: [{ index: 0, message: { role: 'assistant', content: result.response }, finish_reason: reason }],
      }),
    );
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        sendError(res, 404, `no route ${req.method} ${req.url}`);
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      let body: ChatBody | string;
      try {
        body = readBody(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        body = 'the body is not JSON';
      }
      if (typeof body === 'string') {
        sendError(res, 400, body);
        return;
      }
      const parsed = body;
      const turn = queue.then(() => (res.destroyed ? undefined : generate(parsed, res)));
      queue = turn.catch(() => {});
      try {
        await turn;
      } catch (error) {
        log(`generation failed: ${(error as Error).message}`);
        if (!res.headersSent) sendError(res, 500, (error as Error).message);
        else res.end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get aborted() {
      return aborted;
    },
    promptTokens,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await model.dispose();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const modelPath = arg('--model');
  if (!modelPath) throw new Error('usage: llm-server.ts --model <file.gguf> [--port 8091] [--context 4096]');
  const server = await startLocalModelServer({
    modelPath,
    port: Number(arg('--port') ?? 8091),
    contextSize: Number(arg('--context') ?? 4096),
    threads: Number(arg('--threads') ?? 1),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`serving ${modelPath} at ${server.baseUrl}\n`);
}
