/**
 * A client for a council's ModernGov web service (`<base>/mgWebService.asmx`). It speaks the plain
 * GET binding by default and SOAP 1.1 where a site has GET switched off (ASMX answers "Request
 * format is unrecognized"), switching once and remembering it for the rest of the session.
 */
import { SourceUnavailableError } from '../../src/errors.js';
import { HttpStatusError, type PoliteFetcher } from './http.js';
import {
  type MgCommittee,
  type MgMeeting,
  type MgMeetingSummary,
  parseXml,
  readCommittees,
  readMeeting,
  readMeetingList,
  soapFault,
} from './schema.js';

/** The namespace ModernGov's WSDL declares; SOAPAction is this plus the operation name. */
const SOAP_NAMESPACE = 'http://moderngov.co.uk/namespaces';

export type ModernGovProtocol = 'auto' | 'get' | 'soap';

export interface ModernGovClientOptions {
  /** The site root, e.g. `https://democracy.leics.gov.uk` (with or without a trailing slash). */
  baseUrl: string;
  fetcher: PoliteFetcher;
  /** `auto` tries GET and falls back to SOAP when the site refuses GET. Default `auto`. */
  protocol?: ModernGovProtocol;
}

export class ModernGovClient {
  readonly baseUrl: string;
  private protocol: ModernGovProtocol;

  constructor(private readonly options: ModernGovClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.protocol = options.protocol ?? 'auto';
  }

  async getCommittees(): Promise<MgCommittee[]> {
    return readCommittees(await this.call('GetCommittees', {}));
  }

  /** Meetings of a committee between two ISO dates, inclusive. */
  async getMeetings(committeeId: string, from: string, to: string): Promise<MgMeetingSummary[]> {
    const root = await this.call('GetMeetings', {
      lCommitteeId: committeeId,
      sFromDate: toModernGovDate(from),
      sToDate: toModernGovDate(to),
    });
    return readMeetingList(root);
  }

  async getMeeting(meetingId: string): Promise<MgMeeting | null> {
    return readMeeting(await this.call('GetMeeting', { lMeetingId: meetingId }));
  }

  /** Fetches a document the site links to (a printed-minutes PDF), resolving relative links. */
  async getDocument(url: string): Promise<{ url: string; bytes: Uint8Array; contentType: string }> {
    const absolute = this.resolve(url);
    const body = await this.options.fetcher.request(absolute);
    return { url: absolute, bytes: body.bytes, contentType: body.contentType };
  }

  /** Resolves a link found on the site against its base URL. */
  resolve(url: string): string {
    return new URL(url, `${this.baseUrl}/`).toString();
  }

  /** The public page of a meeting, used as its source and citation link. */
  meetingUrl(committeeId: string, meetingId: string): string {
    return `${this.baseUrl}/ieListDocuments.aspx?CId=${encodeURIComponent(committeeId)}&MId=${encodeURIComponent(meetingId)}`;
  }

  /** The public page of one agenda item, its minute's citation link. */
  itemUrl(agendaItemId: string): string {
    return `${this.baseUrl}/mgAi.aspx?ID=${encodeURIComponent(agendaItemId)}`;
  }

  private async call(operation: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    if (this.protocol !== 'soap') {
      try {
        return await this.get(operation, params);
      } catch (error) {
        if (this.protocol === 'get' || !refusesGet(error)) throw error;
        this.protocol = 'soap';
      }
    }
    return this.soap(operation, params);
  }

  private async get(operation: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    const url = new URL(`${this.baseUrl}/mgWebService.asmx/${operation}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    // A site with GET disabled says so with a 500 every time; retrying that would only add load.
    const body = await this.options.fetcher.request(url.toString(), { final: refusesGet });
    return checked(parseXml(body.text(), `${operation} at ${this.baseUrl}`), operation, this.baseUrl);
  }

  private async soap(operation: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    const args = Object.entries(params)
      .map(([key, value]) => `<${key}>${escapeXml(value)}</${key}>`)
      .join('');
    const envelope =
      '<?xml version="1.0" encoding="utf-8"?>' +
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
      `<soap:Body><${operation} xmlns="${SOAP_NAMESPACE}">${args}</${operation}></soap:Body></soap:Envelope>`;
    const body = await this.options.fetcher.request(`${this.baseUrl}/mgWebService.asmx`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${SOAP_NAMESPACE}/${operation}"` },
      body: envelope,
    });
    return checked(parseXml(body.text(), `${operation} (SOAP) at ${this.baseUrl}`), operation, this.baseUrl);
  }
}

function checked(root: Record<string, unknown>, operation: string, baseUrl: string): Record<string, unknown> {
  const fault = soapFault(root);
  if (fault) throw new SourceUnavailableError(`${operation} at ${baseUrl} failed: ${fault}`);
  return root;
}

/** ASMX with the GET binding disabled answers 500 "Request format is unrecognized", or 404/405. */
function refusesGet(error: unknown): boolean {
  if (!(error instanceof HttpStatusError)) return false;
  return error.status === 404 || error.status === 405 || /request format is (unrecognized|invalid)/i.test(error.body);
}

/** ISO `2024-03-05` to ModernGov's `05/03/2024`. */
export function toModernGovDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD (got "${iso}")`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourceUnavailableError(
      `"${raw}" is not a URL: give the ModernGov site root, e.g. https://democracy.example.gov.uk`,
    );
  }
  // People paste the web-service or a page address; the base is the folder above it.
  const path = url.pathname.replace(/\/(mgWebService\.asmx.*|[^/]+\.aspx)$/i, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
