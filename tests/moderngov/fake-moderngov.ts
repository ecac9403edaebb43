import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('../fixtures/moderngov/', import.meta.url);
const NAMESPACE = 'http://moderngov.co.uk/namespaces';

/** What a site does for one operation (or one document), instead of answering from its fixture. */
export type Misbehaviour =
  /** Never answers: the client's timeout must fire. */
  | { kind: 'hang' }
  /** Answers with this status `times` times (all the time if omitted), then from the fixture. */
  | { kind: 'status'; status: number; times?: number; retryAfter?: string }
  /**
   * Sends the first `fraction` of the answer and ends it: cleanly (a proxy or a failing server that
   * stops writing), or — with `declareLength` — after promising the whole length, then dropping the
   * connection.
   */
  | { kind: 'cut'; fraction: number; declareLength?: boolean }
  /** Answers 200 with this XML instead of the fixture (a generated meeting). */
  | { kind: 'reply'; xml: string };

export interface RecordedRequest {
  method: string;
  site: string;
  /** Web-service operation, or null for a document. */
  operation: string | null;
  protocol: 'get' | 'soap' | 'document';
  params: Record<string, string>;
  path: string;
  userAgent: string | undefined;
  soapAction: string | undefined;
}

export interface FakeModernGov {
  /** `http://127.0.0.1:<port>`; a site's base URL is this plus `/<site>`. */
  url: string;
  requests: RecordedRequest[];
  /** The most requests the server had open at once. */
  maxInFlight: number;
  /** Documents by path and query (`/northbridge/mgConvert2PDF.aspx?ID=9001`). */
  documents: Map<string, Uint8Array>;
  /** Misbehaviours by `<site>/<Operation>` or `<site>/<Operation>/<id>` or document path. */
  misbehave: Map<string, Misbehaviour>;
  /**
   * When set, each request waits until this many are open at once (or 400 ms have passed) before
   * it is answered: a client that allows that many will then be seen to, whatever the timing.
   */
  holdUntilInFlight: number | null;
  close(): Promise<void>;
}

/**
 * A ModernGov web service on 127.0.0.1 answering from the XML fixtures: plain GET
 * (`/<site>/mgWebService.asmx/<Op>?…`) and SOAP 1.1 POST (`/<site>/mgWebService.asmx`). Sites
 * named `soap-<name>` serve `<name>`'s fixtures but refuse GET the way ASMX does when its GET
 * binding is off. GetMeetings filters by its (required) dd/mm/yyyy dates, as the real service does.
 */
export async function startFakeModernGov(): Promise<FakeModernGov> {
  let inFlight = 0;
  const fake: FakeModernGov = {
    url: '',
    requests: [],
    maxInFlight: 0,
    documents: new Map(),
    misbehave: new Map(),
    holdUntilInFlight: null,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer((req, res) => {
    inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    res.on('close', done);
    readBody(req)
      .then((body) => hold(fake, () => inFlight).then(() => body))
      .then((body) => handle(fake, req, body, res))
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

const HOLD_LIMIT_MS = 400;

async function hold(fake: FakeModernGov, inFlight: () => number): Promise<void> {
  const wanted = fake.holdUntilInFlight;
  if (wanted === null) return;
  const until = Date.now() + HOLD_LIMIT_MS;
  while (inFlight() < wanted && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
}

function handle(fake: FakeModernGov, req: IncomingMessage, body: string, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const [, site = '', ...rest] = url.pathname.split('/');
  const fixtureSite = site.replace(/^soap-/, '');
  const tail = decodeURIComponent(rest.join('/'));
  const record = (entry: Pick<RecordedRequest, 'operation' | 'protocol' | 'params'>) =>
    fake.requests.push({
      ...entry,
      method: req.method ?? 'GET',
      site,
      path: `${url.pathname}${url.search}`,
      userAgent: req.headers['user-agent'],
      soapAction: typeof req.headers.soapaction === 'string' ? req.headers.soapaction : undefined,
    });

  if (tail.startsWith('mgWebService.asmx')) {
    const soap = req.method === 'POST';
    const operation = soap ? (/<soap:Body>\s*<(\w+)/.exec(body)?.[1] ?? '') : (tail.split('/')[1] ?? '');
    const params = soap ? soapParams(body) : Object.fromEntries(url.searchParams);
    record({ operation, protocol: soap ? 'soap' : 'get', params });
    if (!soap && site.startsWith('soap-')) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `System.InvalidOperationException: Request format is unrecognized for URL unexpectedly ending in '/${operation}'.`,
      );
      return;
    }
    const id = params.lCommitteeId ?? params.lMeetingId ?? '';
    const keys = [`${site}/${operation}/${id}`, `${site}/${operation}`];
    if (misbehaved(fake, keys, res)) return;
    const rule = keys.map((key) => fake.misbehave.get(key)).find((r) => r?.kind === 'reply' || r?.kind === 'cut');
    const xml = rule?.kind === 'reply' ? rule.xml : answer(fixtureSite, operation, params);
    if (xml === null) {
      res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(soapFault(`Unknown ${operation} ${JSON.stringify(params)}`));
      return;
    }
    const reply = soap ? soapEnvelope(fixtureSite, operation, xml) : xml;
    if (rule?.kind === 'cut') {
      sendCut(res, Buffer.from(reply), rule);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(reply);
    return;
  }

  const key = `${url.pathname}${url.search}`;
  record({ operation: null, protocol: 'document', params: Object.fromEntries(url.searchParams) });
  if (misbehaved(fake, [key], res)) return;
  const doc = fake.documents.get(decodeURIComponent(key)) ?? fake.documents.get(key);
  if (!doc) {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<html><body>The resource cannot be found.</body></html>');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/pdf' });
  res.end(Buffer.from(doc));
}

/** The start of `body`, ended cleanly or (with `declareLength`) cut off mid-response. */
function sendCut(res: ServerResponse, body: Buffer, rule: { fraction: number; declareLength?: boolean }): void {
  const part = body.subarray(0, Math.floor(body.length * rule.fraction));
  if (!rule.declareLength) {
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(part);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': String(body.length) });
  res.write(part, () => res.destroy());
}

function misbehaved(fake: FakeModernGov, keys: string[], res: ServerResponse): boolean {
  for (const key of keys) {
    const rule = fake.misbehave.get(key);
    if (!rule || rule.kind === 'cut' || rule.kind === 'reply') continue;
    if (rule.kind === 'hang') return true;
    if (rule.times !== undefined) {
      if (rule.times <= 0) continue;
      rule.times--;
    }
    res.writeHead(rule.status, {
      'content-type': 'text/html',
      ...(rule.retryAfter ? { 'retry-after': rule.retryAfter } : {}),
    });
    res.end(`<html><body><h1>Server Error in '/' Application.</h1></body></html>`);
    return true;
  }
  return false;
}

/** The fixture answer for an operation, or null when the fixtures do not know it. */
function answer(site: string, operation: string, params: Record<string, string>): string | null {
  if (operation === 'GetCommittees') return fixture(site, 'GetCommittees.xml');
  if (operation === 'GetMeeting') return fixture(site, `GetMeeting-${params.lMeetingId ?? ''}.xml`);
  if (operation === 'GetMeetings') {
    const from = isoFromDmy(params.sFromDate);
    const to = isoFromDmy(params.sToDate);
    if (!from || !to) return null;
    const xml = fixture(site, `GetMeetings-${params.lCommitteeId ?? ''}.xml`);
    if (xml === null) return null;
    return xml.replace(/<meeting>[\s\S]*?<\/meeting>/g, (meeting) => {
      const date = isoFromDmy(/<meetingdate>([^<]*)<\/meetingdate>/.exec(meeting)?.[1]);
      return date && date >= from && date <= to ? meeting : '';
    });
  }
  return null;
}

function fixture(site: string, name: string): string | null {
  try {
    return readFileSync(new URL(`${site}/${name}`, FIXTURES), 'utf8');
  } catch {
    return null;
  }
}

function soapEnvelope(site: string, operation: string, xml: string): string {
  const handWritten = fixture('soap', `${operation}-${site}.soap.xml`);
  if (handWritten) return handWritten;
  const inner = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
    `<${operation}Response xmlns="${NAMESPACE}"><${operation}Result>${inner}</${operation}Result></${operation}Response>` +
    '</soap:Body></soap:Envelope>'
  );
}

function soapFault(message: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>${message}</faultstring></soap:Fault></soap:Body></soap:Envelope>`
  );
}

function soapParams(body: string): Record<string, string> {
  const call = /<soap:Body>\s*<\w+[^>]*>([\s\S]*?)<\/\w+>\s*<\/soap:Body>/.exec(body)?.[1] ?? '';
  return Object.fromEntries([...call.matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function isoFromDmy(raw: string | undefined): string | null {
  const match = raw ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw) : null;
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
