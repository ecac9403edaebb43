import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LlmConfig } from '../../src/config.js';

/**
 * A real HTTP server on 127.0.0.1 that speaks enough of the OpenAI chat-completions protocol for
 * tests: each request takes the next scripted reply and is recorded, so tests can assert on what
 * the client sent as well as on how it copes with what came back.
 */

/** What the server does with one request. */
export type ScriptedReply =
  /**
   * A normal completion whose message content is `content`: streamed as server-sent events in
   * small pieces when the request asks for `stream`, else one JSON body (`json: true` forces that,
   * as servers that ignore `stream` do).
   */
  | { kind: 'answer'; content: string; finishReason?: string; json?: boolean }
  /** A stream sending `chunks` one every `delayMs` after `headersDelayMs`: a slow (CPU-hosted) model. */
  | { kind: 'slow'; chunks: string[]; delayMs: number; headersDelayMs?: number }
  /** An HTTP error with an OpenAI-style error body (`param`/`code` as OpenAI sends them on a 400). */
  | {
      kind: 'status';
      status: number;
      message?: string;
      headers?: Record<string, string>;
      param?: string;
      code?: string;
    }
  /** Any body as-is, e.g. malformed JSON under a JSON content type. */
  | { kind: 'raw'; body: string; status?: number; contentType?: string }
  /** Never answers: the connection stays open until the client gives up or the server closes. */
  | { kind: 'hang' };

/** A reply decided from the request, e.g. to answer follow-up rewrites and answers differently. */
export type ReplyScript = ScriptedReply | ((request: RecordedRequest) => ScriptedReply);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body, or the raw text if it was not JSON. */
  body: unknown;
  /** Set when the client closed the connection before the reply was complete. */
  closedEarly: boolean;
  /** Pieces of a streamed reply written before the client went away (or all of them). */
  chunksSent: number;
  /** Settles when the connection has closed, either way. */
  closed: Promise<void>;
}

/** The LLM settings of a chat model pointed at `baseUrl`, as `loadConfig` would give them, with `overrides`. */
export function llmConfigFor(baseUrl: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    apiKey: 'sk-test',
    baseUrl,
    model: 'fake-model',
    timeoutMs: 5_000,
    maxRetries: 2,
    maxTokens: 400,
    tokenLimitParam: 'max_tokens',
    reasoningTokens: 1_000,
    temperature: 0.1,
    structuredOutput: false,
    contextTokens: 4_096,
    ...overrides,
  };
}

/** The chat messages of a recorded request, narrowed from its JSON body. */
export function messagesOf(request: RecordedRequest): Array<{ role: string; content: string }> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || !('messages' in body) || !Array.isArray(body.messages)) {
    throw new Error(`request to ${request.path} has no messages array`);
  }
  return body.messages.map((m: unknown) => {
    if (typeof m !== 'object' || m === null || !('role' in m) || !('content' in m)) throw new Error('bad message');
    return { role: String(m.role), content: String(m.content) };
  });
}

function completion(content: string, finishReason: string): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}

/** One server-sent event of a streamed completion. */
function streamEvent(delta: Record<string, string>, finishReason: string | null): string {
  const chunk = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'fake-model',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** Splits a reply into the small pieces a streaming server sends. */
function pieces(content: string): string[] {
  return content.match(/[\s\S]{1,7}/g) ?? [];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FakeOpenAi {
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ReplyScript[] = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    /** Base URL to give the client, ending in `/v1`. */
    readonly baseUrl: string,
  ) {}

  /** Starts a server on a free port of 127.0.0.1 with `replies` queued. */
  static async start(...replies: ReplyScript[]): Promise<FakeOpenAi> {
    let fake: FakeOpenAi | undefined;
    const server = createServer((req, res) => {
      void fake?.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeOpenAi(server, `http://127.0.0.1:${port}/v1`);
    fake.script(...replies);
    return fake;
  }

  /** The `index`th request once its connection has closed, to assert on how it ended. */
  async settled(index: number): Promise<RecordedRequest> {
    const request = this.requests[index];
    if (!request) throw new Error(`the fake received no request #${index}`);
    await request.closed;
    return request;
  }

  /** Queues more replies. */
  script(...replies: ReplyScript[]): void {
    this.queue.push(...replies);
  }

  /** Closes the server, dropping any connection left hanging. */
  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Kept as text: the test will see what was sent.
    }
    const request: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      closedEarly: false,
      chunksSent: 0,
      closed: new Promise((resolve) => res.on('close', resolve)),
    };
    this.requests.push(request);
    let complete = false;
    res.on('close', () => {
      if (!complete) request.closedEarly = true;
    });
    const streams = typeof body === 'object' && body !== null && 'stream' in body && body.stream === true;

    const next = this.queue.shift();
    const reply: ScriptedReply =
      next === undefined
        ? { kind: 'status', status: 500, message: 'the fake has no scripted reply left' }
        : typeof next === 'function'
          ? next(request)
          : next;

    switch (reply.kind) {
      case 'answer':
        complete = true;
        if (!streams || reply.json) {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(completion(reply.content, reply.finishReason ?? 'stop'));
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const piece of pieces(reply.content)) {
          res.write(streamEvent({ content: piece }, null));
          request.chunksSent++;
        }
        res.end(`${streamEvent({}, reply.finishReason ?? 'stop')}data: [DONE]\n\n`);
        return;
      case 'slow':
        await pause(reply.headersDelayMs ?? 0);
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const chunk of reply.chunks) {
          if (res.destroyed) return;
          res.write(streamEvent({ content: chunk }, null));
          request.chunksSent++;
          await pause(reply.delayMs);
        }
        complete = true;
        res.end(`${streamEvent({}, 'stop')}data: [DONE]\n\n`);
        return;
      case 'status': {
        complete = true;
        const error = {
          message: reply.message ?? `status ${reply.status}`,
          type: 'invalid_request_error',
          param: reply.param ?? null,
          code: reply.code ?? null,
        };
        res
          .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
          .end(JSON.stringify({ error }));
        return;
      }
      case 'raw':
        complete = true;
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' }).end(reply.body);
        return;
      case 'hang':
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
    }
  }
}
