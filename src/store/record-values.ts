import type {
  Attendance,
  AttendanceCapacity,
  Confirmation,
  Decision,
  DecisionKind,
  MeetingRecords,
  PersonMention,
  RecordAnchor,
  RecordPart,
  RoleChange,
  Vote,
} from '../types.js';
import { str, strOrNull } from './row-values.js';

/**
 * A meeting's records in and out of either store: one row per record (its part, its place in the
 * list, and the record as JSON), so a reader can ask for one part (confirmations) without the rest.
 * Reading back narrows every field from `unknown`: a hand-edited or damaged row drops the record
 * (or a field falls back to null), it never hands out wrong types.
 */

/** One stored record. */
export interface RecordRow {
  part: RecordPart;
  position: number;
  data: unknown;
}

/** Every part, in the order they are written. */
export const RECORD_PARTS: RecordPart[] = [
  'decisions',
  'confirmations',
  'attendance',
  'roleChanges',
  'votes',
  'mentions',
  'ownStatus',
];

/** No records: what a meeting written without any reads back as. */
export function emptyRecords(): MeetingRecords {
  return {
    decisions: [],
    confirmations: [],
    attendance: [],
    roleChanges: [],
    votes: [],
    mentions: [],
    ownStatus: null,
  };
}

/** The rows `records` is stored as. */
export function recordRows(records: MeetingRecords): RecordRow[] {
  const rows: RecordRow[] = [];
  for (const part of RECORD_PARTS) {
    const value = records[part];
    const list: unknown[] = Array.isArray(value) ? value : value === null ? [] : [value];
    list.forEach((data, position) => {
      rows.push({ part, position, data });
    });
  }
  return rows;
}

/** Rows of one meeting (any order) back as its records. */
export function recordsFromRows(rows: Array<Record<string, unknown>>): MeetingRecords {
  const records = emptyRecords();
  const sorted = [...rows].sort((a, b) => Number(a.position) - Number(b.position));
  for (const row of sorted) {
    const data = typeof row.data === 'string' ? parseJson(row.data) : row.data;
    if (!isObject(data)) continue;
    switch (row.part) {
      case 'decisions':
        pushIf(records.decisions, decision(data));
        break;
      case 'confirmations':
        pushIf(records.confirmations, confirmation(data));
        break;
      case 'attendance':
        pushIf(records.attendance, attendance(data));
        break;
      case 'roleChanges':
        pushIf(records.roleChanges, roleChange(data));
        break;
      case 'votes':
        pushIf(records.votes, vote(data));
        break;
      case 'mentions':
        pushIf(records.mentions, mention(data));
        break;
      case 'ownStatus':
        if ((data.status === 'draft' || data.status === 'confirmed') && typeof data.text === 'string') {
          records.ownStatus = { status: data.status, text: data.text };
        }
        break;
    }
  }
  return records;
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function pushIf<T>(list: T[], value: T | null): void {
  if (value !== null) list.push(value);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.find((a) => a === value) ?? null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function anchor(value: unknown): RecordAnchor | null {
  if (!isObject(value)) return null;
  const itemIndex = value.itemIndex === null ? null : countOrNull(value.itemIndex);
  if (itemIndex === null && value.itemIndex !== null) return null;
  return { itemIndex, minute: strOrNull(value.minute) };
}

const DECISION_KINDS: readonly DecisionKind[] = ['resolved', 'agreed', 'recommended', 'deferred', 'refused', 'noted'];

function decision(d: Obj): Decision | null {
  const at = anchor(d.at);
  const kind = oneOf(d.kind, DECISION_KINDS);
  if (!at || !kind || typeof d.text !== 'string') return null;
  return {
    at,
    label: strOrNull(d.label),
    kind,
    text: d.text,
    marker: strOrNull(d.marker),
    to: strOrNull(d.to),
    until: strOrNull(d.until),
  };
}

function confirmation(c: Obj): Confirmation | null {
  const at = anchor(c.at);
  const outcome = oneOf(c.outcome, ['confirmed', 'not_confirmed'] as const);
  if (!at || !outcome) return null;
  return {
    at,
    meetingDates: strings(c.meetingDates),
    committee: strOrNull(c.committee),
    outcome,
    subjectTo: strOrNull(c.subjectTo),
    text: str(c.text),
  };
}

const CAPACITIES: readonly AttendanceCapacity[] = [
  'chair',
  'vice-chair',
  'member',
  'substitute',
  'attending',
  'officer',
  'public',
];

function attendance(a: Obj): Attendance | null {
  const at = anchor(a.at);
  const presence = oneOf(a.presence, ['present', 'apologies', 'absent'] as const);
  const capacity = oneOf(a.capacity, CAPACITIES);
  const evidence = oneOf(a.evidence, ['list', 'participation'] as const);
  if (!at || !presence || !capacity || !evidence || typeof a.name !== 'string') return null;
  return {
    at,
    name: a.name,
    presence,
    capacity,
    role: strOrNull(a.role),
    substituteFor: strOrNull(a.substituteFor),
    evidence,
  };
}

function roleChange(r: Obj): RoleChange | null {
  const at = anchor(r.at);
  const office = oneOf(r.office, ['chair', 'vice-chair', 'other'] as const);
  const change = oneOf(r.change, ['appointed', 'ceased'] as const);
  if (!at || !office || !change || typeof r.person !== 'string' || typeof r.role !== 'string') return null;
  return {
    at,
    person: r.person,
    role: r.role,
    office,
    body: strOrNull(r.body),
    change,
    from: strOrNull(r.from),
    until: strOrNull(r.until),
    thisMeetingOnly: r.thisMeetingOnly === true,
  };
}

function vote(v: Obj): Vote | null {
  const at = anchor(v.at);
  const outcome = oneOf(v.outcome, ['carried', 'lost'] as const);
  if (!at || !outcome || typeof v.motion !== 'string') return null;
  const counts = isObject(v.counts)
    ? { for: countOrNull(v.counts.for), against: countOrNull(v.counts.against), abstain: countOrNull(v.counts.abstain) }
    : null;
  const named = isObject(v.named)
    ? { for: strings(v.named.for), against: strings(v.named.against), abstain: strings(v.named.abstain) }
    : null;
  return {
    at,
    motion: v.motion,
    outcome,
    unanimous: v.unanimous === true,
    counts,
    named,
    movedBy: strOrNull(v.movedBy),
    secondedBy: strOrNull(v.secondedBy),
    castingVote: strOrNull(v.castingVote),
  };
}

function mention(m: Obj): PersonMention | null {
  const at = anchor(m.at);
  return at && typeof m.name === 'string' ? { at, name: m.name } : null;
}
