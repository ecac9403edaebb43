import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A stand-in for Slack on 127.0.0.1: a real HTTP server answering the Web API methods Minutebook
 * calls (recording every call so tests assert on exactly what users would see): messages, streamed
 * messages (`chat.startStream`/`appendStream`/`stopStream`, then `chat.update`), the AI-app thread
 * methods (`assistant.threads.*`), reactions and the App Home; `response_url`
 * endpoints for slash commands and buttons, and optionally a WebSocket server posing as Socket Mode.
 * Threads are real: messages the bot posts are stored and come back from `conversations.replies`.
 */

/** One recorded Web API call. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call carried. */
  token: string | null;
}

/** One POST to a response_url. */
export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
}

interface StoredMessage {
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text: string;
  blocks?: unknown;
  /** A streamed message between `chat.startStream` and `chat.stopStream`. */
  streaming?: boolean;
}

export const FAKE_TEAM = 'T0FAKE';
export const FAKE_BOT_USER = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlCall[] = [];
  /** Messages per channel, including the bot's posts. */
  readonly channels = new Map<string, StoredMessage[]>();
  /** Channels `conversations.info` knows, and whether the bot is in each; any other is not found. */
  readonly conversations = new Map<string, { is_member: boolean; is_private?: boolean }>();
  readonly #failures = new Map<string, string>();
  readonly #waiters: Array<() => void> = [];
  #server: Server | undefined;
  #socket: FakeSocketMode | undefined;
  #lastTs = 0;
  baseUrl = '';

  /** Starts the Web API on a free port on 127.0.0.1. */
  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      void this.#handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: String(error) }));
        },
      );
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.baseUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** Web API base URL to use as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A response_url the fake records POSTs to. */
  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** Also serve Socket Mode: `apps.connections.open` returns this WebSocket server's URL. */
  async startSocketMode(): Promise<FakeSocketMode> {
    this.#socket = await FakeSocketMode.start();
    return this.#socket;
  }

  /** The Socket Mode server, once started. */
  get socketMode(): FakeSocketMode | undefined {
    return this.#socket;
  }

  /** Makes `method` answer `{ ok: false, error }` from now on. */
  fail(method: string, error: string): void {
    this.#failures.set(method, error);
  }

  /** Seeds a message into a channel (a user's earlier question, for instance). */
  addMessage(channel: string, message: StoredMessage): void {
    const list = this.channels.get(channel) ?? [];
    list.push(message);
    this.channels.set(channel, list);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `predicate` holds over the recorded calls (checked after every call). */
  async waitFor(predicate: (fake: this) => boolean): Promise<void> {
    while (!predicate(this)) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  async stop(): Promise<void> {
    await this.#socket?.stop();
    if (this.#server) {
      this.#server.closeAllConnections();
      await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
    }
  }

  /** A message as it stands now (streamed into, updated), or undefined when there is none. */
  message(channel: string, ts: string): Readonly<StoredMessage> | undefined {
    return this.#message(channel, ts);
  }

  #message(channel: string, ts: unknown): StoredMessage | undefined {
    return this.channels.get(channel)?.find((m) => m.ts === ts);
  }

  /** A timestamp after every message the fake knows, as Slack's are (seconds.microseconds). */
  #nextTs(): string {
    let latest = 1_700_000_000_000_000;
    for (const list of this.channels.values()) {
      for (const m of list) latest = Math.max(latest, Math.round(Number(m.ts) * 1_000_000));
    }
    this.#lastTs = Math.max(this.#lastTs, latest) + 1;
    return `${Math.floor(this.#lastTs / 1_000_000)}.${String(this.#lastTs % 1_000_000).padStart(6, '0')}`;
  }

  #notify(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      const body: unknown = JSON.parse(raw || '{}');
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: body as Record<string, unknown> });
      this.#notify();
      return { status: 200, body: { ok: true } };
    }
    if (!url.pathname.startsWith('/api/')) return { status: 404, body: { ok: false, error: 'not_found' } };
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ')
      ? auth.slice('Bearer '.length)
      : typeof args.token === 'string'
        ? args.token
        : null;
    this.calls.push({ method, args, token });
    try {
      const failure = this.#failures.get(method);
      if (failure) return { status: 200, body: { ok: false, error: failure } };
      return { status: 200, body: this.#answer(method, args) };
    } finally {
      this.#notify();
    }
  }

  #answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : '';
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'minutebook',
          team_id: FAKE_TEAM,
          user_id: FAKE_BOT_USER,
          bot_id: FAKE_BOT_ID,
        };
      case 'chat.postMessage': {
        const ts = this.#nextTs();
        const message: StoredMessage = { ts, user: FAKE_BOT_USER, bot_id: FAKE_BOT_ID, text: String(args.text ?? '') };
        if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
        this.addMessage(channel, message);
        return { ok: true, channel, ts, message };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.#nextTs() };
      case 'chat.startStream': {
        const ts = this.#nextTs();
        const message: StoredMessage = {
          ts,
          user: FAKE_BOT_USER,
          bot_id: FAKE_BOT_ID,
          text: String(args.markdown_text ?? ''),
          streaming: true,
        };
        if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
        this.addMessage(channel, message);
        return { ok: true, channel, ts };
      }
      case 'chat.appendStream':
      case 'chat.stopStream': {
        const message = this.#message(channel, args.ts);
        if (!message?.streaming) return { ok: false, error: 'message_not_in_streaming_state' };
        if (typeof args.markdown_text === 'string') message.text += args.markdown_text;
        if (method === 'chat.stopStream') message.streaming = false;
        return { ok: true, channel, ts: message.ts };
      }
      case 'chat.update': {
        const message = this.#message(channel, args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = String(args.text ?? '');
        message.blocks = args.blocks;
        return { ok: true, channel, ts: message.ts };
      }
      case 'chat.delete': {
        const list = this.channels.get(channel) ?? [];
        const at = list.findIndex((m) => m.ts === args.ts);
        if (at < 0) return { ok: false, error: 'message_not_found' };
        list.splice(at, 1);
        return { ok: true, channel, ts: args.ts };
      }
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return typeof args.channel_id === 'string' && typeof args.thread_ts === 'string'
          ? { ok: true }
          : { ok: false, error: 'invalid_arguments' };
      case 'reactions.add':
      case 'reactions.remove':
      case 'views.publish':
        return { ok: true };
      case 'conversations.info': {
        const info = this.conversations.get(channel);
        return info ? { ok: true, channel: { id: channel, ...info } } : { ok: false, error: 'channel_not_found' };
      }
      case 'conversations.replies': {
        const ts = String(args.ts ?? '');
        const messages = (this.channels.get(channel) ?? [])
          .filter((m) => m.ts === ts || m.thread_ts === ts)
          .sort((a, b) => Number(a.ts) - Number(b.ts));
        return { ok: true, messages, has_more: false };
      }
      case 'apps.connections.open':
        return this.#socket ? { ok: true, url: this.#socket.url } : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Web API arguments arrive form-encoded with objects as JSON strings, or as JSON. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A WebSocket server posing as Slack's Socket Mode endpoint. */
export class FakeSocketMode {
  /** Acks received, with when they arrived (performance.now()). */
  readonly acks: Array<{ envelope_id: string; payload?: unknown; at: number }> = [];
  readonly #server: WebSocketServer;
  readonly #waiters: Array<() => void> = [];
  #client: WebSocket | undefined;
  #envelope = 0;

  private constructor(server: WebSocketServer) {
    this.#server = server;
    server.on('connection', (socket) => {
      this.#client = socket;
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        this.acks.push({ ...message, at: performance.now() });
        this.#notify();
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' } }));
      this.#notify();
    });
  }

  static async start(): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    return new FakeSocketMode(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/link`;
  }

  get connected(): boolean {
    return this.#client !== undefined;
  }

  /** Sends an `events_api` envelope carrying `payload` (an event_callback body); returns its id. */
  sendEvent(payload: Record<string, unknown>, retryAttempt = 0): string {
    return this.#send('events_api', payload, retryAttempt);
  }

  /** Sends a `slash_commands` or `interactive` envelope. */
  send(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>): string {
    return this.#send(type, payload, 0);
  }

  #send(type: string, payload: Record<string, unknown>, retryAttempt: number): string {
    if (!this.#client) throw new Error('no Socket Mode client connected');
    this.#envelope++;
    const envelope_id = `env-${this.#envelope}`;
    this.#client.send(
      JSON.stringify({
        envelope_id,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: retryAttempt,
        retry_reason: retryAttempt ? 'timeout' : '',
      }),
    );
    return envelope_id;
  }

  async waitFor(predicate: (fake: this) => boolean): Promise<void> {
    while (!predicate(this)) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  #notify(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async stop(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** Headers Slack would send with `body`, signed with `secret` at `timestamp` (seconds). */
export function slackSignature(secret: string, body: string, timestamp: number): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** Options for {@link postToApp}. */
export interface PostOptions {
  secret: string;
  /** Seconds; now by default. */
  timestamp?: number;
  /** Replace the signature (to test rejection). */
  signature?: string;
  retryNum?: number;
  /** Form-encoded (slash commands, interactions) instead of JSON (events). */
  form?: boolean;
}

/** Posts a request to the app's events endpoint the way Slack does: signed, JSON or form-encoded. */
export async function postToApp(url: string, payload: unknown, options: PostOptions): Promise<Response> {
  const body = options.form
    ? new URLSearchParams(payload as Record<string, string>).toString()
    : JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json',
    ...slackSignature(options.secret, body, options.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  if (options.signature) headers['x-slack-signature'] = options.signature;
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

/** An `event_callback` body as Slack sends it for `event`. */
export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM,
    api_app_id: 'A0FAKE',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM, user_id: FAKE_BOT_USER, is_bot: true }],
    event,
  };
}
