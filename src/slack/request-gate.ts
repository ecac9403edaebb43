import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BufferedIncomingMessage } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { isRecord } from './payloads.js';

/** The path Slack posts events, commands and interactions to in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

/** Slack's own rule: a request signed more than five minutes from now, either way, is refused. */
export const MAX_CLOCK_SKEW_S = 5 * 60;
/** Slack's event, command and interaction bodies are a few KB; anything near this is not from Slack. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request as read off the wire, body buffered. */
export interface RawSlackRequest {
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** Why a request was refused, as the status to answer with and a line for the log. */
export type GateResult = { ok: true } | { ok: false; status: 400 | 401 | 413; reason: string };

function header(headers: IncomingMessage['headers'], name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Checks a request to the events endpoint before Bolt sees it: signed with the signing secret,
 * timestamped within five minutes of now in either direction (Bolt only refuses old ones), and a
 * body that is an event, command or interaction object. A signed `null`, `[]` or `payload=null`
 * is a 400 here rather than a TypeError inside the receiver.
 */
export function checkSlackRequest(request: RawSlackRequest, signingSecret: string, nowMs = Date.now()): GateResult {
  if (request.body.length > MAX_BODY_BYTES) return { ok: false, status: 413, reason: 'body too large' };
  const contentType = header(request.headers, 'content-type') ?? '';
  // Slack's certificate check comes unsigned; Bolt answers it and drops anything else in the body.
  if (isSslCheck(contentType, request.body)) return { ok: true };
  const timestamp = Number(header(request.headers, 'x-slack-request-timestamp'));
  const signature = header(request.headers, 'x-slack-signature');
  if (!Number.isInteger(timestamp) || !signature) {
    return { ok: false, status: 401, reason: 'missing signature or timestamp' };
  }
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_CLOCK_SKEW_S) {
    return { ok: false, status: 401, reason: 'timestamp more than 5 minutes from now' };
  }
  const expected = Buffer.from(
    `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(request.body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, reason: 'bad signature' };
  }
  return isSlackBody(contentType, request.body.toString('utf8'))
    ? { ok: true }
    : { ok: false, status: 400, reason: 'body is not a Slack event, command or interaction' };
}

function isSslCheck(contentType: string, body: Buffer): boolean {
  return (
    contentType.startsWith('application/x-www-form-urlencoded') &&
    new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1'
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An object with a string `type`; an `event_callback` must carry an event object with a type. */
function isTypedObject(value: unknown): boolean {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  if (value.type !== 'event_callback') return true;
  return isRecord(value.event) && typeof value.event.type === 'string';
}

/** Whether a signed body is something Bolt can route, in the shapes Slack sends. */
export function isSlackBody(contentType: string, text: string): boolean {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload !== null) return isTypedObject(parseJson(payload));
    return form.get('ssl_check') === '1' || typeof form.get('command') === 'string';
  }
  return isTypedObject(parseJson(text));
}

/** A plain 404 for paths the bot does not serve. */
export function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('not found\n');
}

/**
 * Reads the body of a request to the events endpoint and checks it with {@link checkSlackRequest}.
 * Refused requests are answered here; a passed one carries its body as `rawBody`, which Bolt's
 * receiver reuses instead of reading the stream again.
 */
export async function gateSlackRequest(
  req: IncomingMessage,
  res: ServerResponse,
  signingSecret: string,
  logger: Logger,
): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://local').pathname;
  if (path !== EVENTS_PATH || req.method !== 'POST') {
    notFound(res);
    return false;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) break;
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    logger.warn({ err: error, event: 'slack.request_unreadable' }, 'could not read a request body');
    if (!res.headersSent) res.writeHead(400).end();
    return false;
  }
  const body = size > MAX_BODY_BYTES ? Buffer.alloc(MAX_BODY_BYTES + 1) : Buffer.concat(chunks);
  const verdict = checkSlackRequest({ headers: req.headers, body }, signingSecret);
  if (!verdict.ok) {
    logger.warn(
      { event: 'slack.request_refused', status: verdict.status, reason: verdict.reason },
      'refused a request',
    );
    res.writeHead(verdict.status, { connection: 'close' }).end();
    return false;
  }
  (req as BufferedIncomingMessage).rawBody = body;
  return true;
}
