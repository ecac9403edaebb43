/**
 * ModernGov web-service XML, narrowed to what Minutebook uses. The service answers plain GET with
 * the result element at the root and SOAP with it inside an envelope, and sites differ in what they
 * fill in, so everything is found by (lower-cased) element name wherever it sits and every field
 * is optional until proven otherwise.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseLongDate } from '../../src/dates.js';
import { SourceUnavailableError } from '../../src/errors.js';

export interface MgCommittee {
  id: string;
  title: string;
  /** False for committees ModernGov marks as no longer meeting. */
  active: boolean;
}

/** A meeting as GetMeetings lists it: enough to decide whether to fetch it. */
export interface MgMeetingSummary {
  id: string;
  /** ISO date. */
  date: string | null;
}

export interface MgAttendee {
  name: string;
  role: string | null;
  attendance: string | null;
}

export interface MgLinkedDoc {
  title: string;
  /** As given: absolute, or relative to the site. */
  url: string;
  restricted: boolean;
}

export interface MgAgendaItem {
  id: string | null;
  title: string;
  agendaNumber: string | null;
  minutesNumber: string | null;
  minutesSubNumber: string | null;
  /** The minute as HTML; null when the site has none for this item. */
  minutesHtml: string | null;
  isDecision: boolean;
  decisionHtml: string | null;
  /** Exempt or confidential: recorded by title only, and its documents are never fetched. */
  restricted: boolean;
  documents: MgLinkedDoc[];
}

export interface MgMeeting {
  id: string;
  committeeId: string | null;
  committeeTitle: string | null;
  date: string | null;
  time: string | null;
  location: string | null;
  minutesPublished: boolean;
  attendees: MgAttendee[];
  items: MgAgendaItem[];
  /** Documents attached to the meeting itself (printed minutes, agenda pack). */
  documents: MgLinkedDoc[];
}

const HTML_BODIES = ['minutesnonemptyhtmlbody', 'decisionnonemptyhtmlbody', 'minuteshtmlbody', 'decisionhtmlbody'];

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // Ids and numbers stay strings: "076" and "76." are how the council printed them.
  parseTagValue: false,
  trimValues: true,
  transformTagName: (name) => name.toLowerCase(),
  // A site that embeds the minute as raw markup rather than escaped text must not have it parsed as XML.
  stopNodes: HTML_BODIES.map((name) => `*.${name}`),
});

type Node = Record<string, unknown>;

/**
 * Parses a web-service answer; a body that is not XML (an HTML error page) names the operation.
 * The answer must be well-formed first: the parser makes what it can of a reply cut off mid-way
 * (3 of a meeting's 7 items, once), and that part must never pass for the meeting.
 */
export function parseXml(xml: string, what: string): Node {
  const trimmed = xml.trimStart();
  if (!trimmed.startsWith('<') || /^<!doctype html|^<html/i.test(trimmed)) {
    throw new SourceUnavailableError(`${what} did not answer with XML; check the ModernGov base URL`);
  }
  const problem = malformation(xml);
  if (problem) {
    throw new SourceUnavailableError(
      `${what} answered with XML that ${problem}; nothing in it was used: try again later`,
    );
  }
  try {
    return parser.parse(xml) as Node;
  } catch (error) {
    throw new SourceUnavailableError(`${what} answered with XML that cannot be read`, { cause: error });
  }
}

/** Opening tags of the minutes bodies, which may hold raw HTML (see `stopNodes`). */
const HTML_BODY_START = new RegExp(String.raw`<((?:[\w.-]+:)?(?:${HTML_BODIES.join('|')}))(?:\s[^>]*)?>`, 'gi');

/**
 * Why `xml` is not a whole, well-formed document, or null. Minutes bodies sent as raw HTML need not
 * be well-formed XML (`<br>`), so each is blanked first; one never closed means the reply was cut off.
 * Linear in the reply: each body's end is found with one forward search.
 */
function malformation(xml: string): string | null {
  const lower = xml.toLowerCase();
  const parts: string[] = [];
  let from = 0;
  HTML_BODY_START.lastIndex = 0;
  for (let start = HTML_BODY_START.exec(xml); start; start = HTML_BODY_START.exec(xml)) {
    const name = start[1] ?? '';
    const end = lower.indexOf(`</${name.toLowerCase()}`, start.index + start[0].length);
    if (end < 0) return `was cut off (<${name}> is never closed)`;
    parts.push(xml.slice(from, start.index), `<${name}/>`);
    from = lower.indexOf('>', end) + 1 || xml.length;
    HTML_BODY_START.lastIndex = from;
  }
  parts.push(xml.slice(from));
  const checked = parts.join('');
  const result = XMLValidator.validate(checked);
  if (result === true) return null;
  const unclosed = /^Invalid '\[([^\]]*)\]' found/.exec(result.err.msg)?.[1];
  if (unclosed !== undefined) return `was cut off (${unclosed.split(',').length} element(s) never closed)`;
  // A fault on the last line is where a reply cut inside a tag breaks.
  const lastLine = checked.trimEnd().split('\n').length;
  if (result.err.line >= lastLine) return `was cut off (${result.err.msg})`;
  return `is malformed at line ${result.err.line} (${result.err.msg})`;
}

/** A SOAP fault or ASMX error inside an otherwise well-formed answer. */
export function soapFault(root: Node): string | null {
  const fault = findAll(root, 'fault')[0];
  if (!isNode(fault)) return null;
  return text(fault, 'faultstring') ?? 'SOAP fault';
}

export function readCommittees(root: Node): MgCommittee[] {
  return findAll(root, 'committee')
    .filter(isNode)
    .map((node) => ({
      id: text(node, 'committeeid') ?? '',
      title: text(node, 'committeetitle') ?? text(node, 'committeename') ?? '',
      active: !isTrue(text(node, 'committeedeleted')) && !isTrue(text(node, 'committeeexpired')),
    }))
    .filter((committee) => committee.id !== '' && committee.title !== '');
}

export function readMeetingList(root: Node): MgMeetingSummary[] {
  return findAll(root, 'meeting')
    .filter(isNode)
    .map((node) => ({ id: text(node, 'meetingid') ?? '', date: isoDate(text(node, 'meetingdate')) }))
    .filter((meeting) => meeting.id !== '');
}

/** Reads GetMeeting's answer; null when it holds no meeting (an unknown id). */
export function readMeeting(root: Node): MgMeeting | null {
  const node = findAll(root, 'meeting').find(isNode);
  if (!node) return null;
  const id = text(node, 'meetingid');
  if (!id) return null;
  return {
    id,
    committeeId: text(node, 'committeeid'),
    committeeTitle: text(node, 'committeetitle') ?? text(node, 'committeename'),
    date: isoDate(text(node, 'meetingdate')),
    time: text(node, 'meetingtime'),
    location: text(node, 'meetinglocation'),
    minutesPublished: isTrue(text(node, 'minutepublished') ?? text(node, 'minutespublished')),
    attendees: children(node, 'attendees', 'attendee')
      .map(readAttendee)
      .filter((a) => a.name !== ''),
    items: children(node, 'agendaitems', 'agendaitem').map(readAgendaItem),
    documents: children(node, 'linkeddocuments', 'linkeddoc')
      .map(readDoc)
      .filter((d) => d.url !== ''),
  };
}

function readAttendee(node: Node): MgAttendee {
  return {
    name: text(node, 'name') ?? text(node, 'attendeename') ?? '',
    role: text(node, 'role') ?? text(node, 'attendeerole'),
    attendance: text(node, 'attendance') ?? text(node, 'attendeeattendance'),
  };
}

function readAgendaItem(node: Node): MgAgendaItem {
  return {
    id: text(node, 'agendaitemid'),
    title: text(node, 'agendaitemtitle') ?? '',
    agendaNumber: text(node, 'agendaitemnumber'),
    minutesNumber: text(node, 'minutesitemnumber'),
    minutesSubNumber: text(node, 'minutesitemsubnumber') ?? text(node, 'minutesitemnumbersub'),
    minutesHtml: html(node, 'minutesnonemptyhtmlbody') ?? html(node, 'minuteshtmlbody'),
    isDecision: isTrue(text(node, 'isdecision')),
    decisionHtml: html(node, 'decisionnonemptyhtmlbody') ?? html(node, 'decisionhtmlbody'),
    restricted: ['isrestricted', 'isexempt', 'exempt', 'isconfidential'].some((name) => isTrue(text(node, name))),
    documents: children(node, 'linkeddocuments', 'linkeddoc')
      .map(readDoc)
      .filter((d) => d.url !== ''),
  };
}

function readDoc(node: Node): MgLinkedDoc {
  return {
    title: text(node, 'title') ?? text(node, 'linkeddoctitle') ?? '',
    url: text(node, 'url') ?? text(node, 'linkeddocurl') ?? '',
    restricted: isTrue(text(node, 'isrestricted')) || isTrue(text(node, 'isexempt')),
  };
}

/** ModernGov writes dates as dd/mm/yyyy, ISO timestamps or long form, depending on version. */
export function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(raw);
  if (dmy) return validIso(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (iso) return validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return parseLongDate(raw);
}

function validIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All values under `name` anywhere below `value`, not looking inside a match. */
function findAll(value: unknown, name: string): unknown[] {
  const found: unknown[] = [];
  const visit = (current: unknown): void => {
    if (Array.isArray(current)) {
      for (const entry of current) visit(entry);
      return;
    }
    if (!isNode(current)) return;
    for (const [key, child] of Object.entries(current)) {
      if (key === name) found.push(...(Array.isArray(child) ? child : [child]));
      else visit(child);
    }
  };
  visit(value);
  return found;
}

/** The `item` children of a `list` element of `node` (`<attendees><attendee/>…</attendees>`). */
function children(node: Node, list: string, item: string): Node[] {
  const container = node[list];
  const containers = Array.isArray(container) ? container : [container];
  return containers.flatMap((entry) => {
    if (!isNode(entry)) return [];
    const items = entry[item];
    return (Array.isArray(items) ? items : [items]).filter(isNode);
  });
}

function text(node: Node, name: string): string | null {
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean') {
    const trimmed = String(first).trim();
    return trimmed === '' ? null : trimmed;
  }
  // An element with attributes we ignore still carries its text under fast-xml-parser's text key.
  if (isNode(first) && typeof first['#text'] === 'string') return first['#text'].trim() || null;
  return null;
}

/** HTML bodies arrive escaped (the usual case) or raw (kept raw by stopNodes); both become markup. */
function html(node: Node, name: string): string | null {
  const raw = text(node, name);
  if (raw === null) return null;
  const unwrapped = raw.replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1');
  return /<[a-z!/]/i.test(unwrapped) ? unwrapped : decodeXmlEntities(unwrapped);
}

function decodeXmlEntities(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function isTrue(value: string | null): boolean {
  return value !== null && /^(true|1|yes|y)$/i.test(value);
}
