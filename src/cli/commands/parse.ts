import type { Command } from 'commander';
import { limitsFromConfig } from '../../../ingest/limits.js';
import { loadMinutesFiles, manifestOption } from '../../../ingest/load.js';
import { formatLongDate } from '../../dates.js';
import type { Meeting } from '../../types.js';
import { createCliContext, runCommand } from '../context.js';

interface ParseFlags {
  manifest?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('parse')
    .description('Parse minutes files into meetings, numbered minute items and passages (nothing is indexed)')
    .argument('<files...>', 'minutes files or folders of them')
    .option('--manifest <path>', 'JSON list of { file, council, committee, date, url } for files whose text lost them')
    .option('--json', 'print a JSON array, one object per meeting, on stdout')
    .action((files: string[], flags: ParseFlags) => runCommand(() => parseCommand(files, flags)));
}

async function parseCommand(files: string[], flags: ParseFlags): Promise<number> {
  const ctx = createCliContext();
  const manifest = manifestOption(flags.manifest);
  let failed = 0;
  for (const missing of manifest?.missingFiles ?? []) {
    ctx.err(`minutebook: manifest ${flags.manifest} names ${missing}, which does not exist; fix the entry's "file"`);
    failed++;
  }
  const meetings: Meeting[] = [];
  const limits = limitsFromConfig(ctx.config.ingestLimits);
  for await (const loaded of loadMinutesFiles(files, { limits, ...(manifest ? { manifest } : {}) })) {
    if (loaded.error) {
      ctx.err(`minutebook: ${loaded.error.message}`);
      failed++;
      continue;
    }
    if (!loaded.meeting) continue;
    for (const warning of loaded.meeting.warnings) ctx.err(`warning: ${loaded.file}: ${warning}`);
    meetings.push(loaded.meeting);
  }
  ctx.out(flags.json ? JSON.stringify(meetings.map(toJson), null, 2) : meetings.map(outline).join('\n'));
  return failed > 0 ? 1 : 0;
}

/** The `parse --json` contract: other tools read these field names. */
function toJson(meeting: Meeting) {
  return {
    council: meeting.council,
    committee: meeting.committee,
    date: meeting.date,
    startTime: meeting.startTime,
    venue: meeting.venue,
    chair: meeting.chair,
    attendees: meeting.attendees,
    source: meeting.source,
    url: meeting.url,
    warnings: meeting.warnings,
    items: meeting.items.map((item) => ({
      minute: item.minute,
      minuteNumber: item.minuteNumber,
      numberSource: item.numberSource,
      kind: item.kind ?? 'item',
      title: item.title,
      titleDerived: item.titleDerived,
      agendaItem: item.agendaItem,
      procedural: item.procedural,
      restricted: item.restricted,
      url: item.url,
      points: item.points,
      resolutions: item.resolutions,
      text: item.text,
      passages: item.passages.map((p) => ({ text: p.text, points: p.points })),
    })),
  };
}

function outline(meeting: Meeting): string {
  const lines = [
    `${meeting.committee ?? 'Unknown committee'} — ${formatLongDate(meeting.date)}${meeting.council ? ` (${meeting.council})` : ''}`,
    `  source: ${meeting.source}`,
  ];
  for (const item of meeting.items) {
    const number = item.minute ? `${item.minute}${item.numberSource === 'recovered' ? '*' : ''}` : '–';
    const flags = [
      item.titleDerived ? 'title derived' : '',
      item.agendaItem !== null ? `agenda item ${item.agendaItem}` : '',
      item.procedural ? 'procedural' : '',
      `${item.passages.length} passage${item.passages.length === 1 ? '' : 's'}`,
    ].filter(Boolean);
    lines.push(`  ${number.padStart(6)}  ${item.title}  [${flags.join(', ')}]`);
  }
  if (meeting.items.some((i) => i.numberSource === 'recovered')) lines.push('  (* number recovered, not printed)');
  return lines.join('\n');
}
