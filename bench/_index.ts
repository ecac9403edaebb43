import { readFileSync, writeFileSync } from 'node:fs';
import { parseMinutesText } from '../ingest/parse/index.js';
const dir = 'tests/fixtures/layouts';
const imitates = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, string>;
const split = process.argv[3]!;
const out = process.argv[4]!;
const index = (() => { try { return JSON.parse(readFileSync(out, 'utf8')); } catch { return []; } })() as unknown[];
for (const [file, shape] of Object.entries(imitates)) {
  const meeting = parseMinutesText(readFileSync(`${dir}/${file}`, 'utf8'), { source: file });
  index.push({
    file, split, imitates: shape, date: meeting.date,
    items: meeting.items.map((i) => [i.kind ?? 'item', i.minute, i.minuteNumber, i.title, i.text.split(/\s+/).slice(0, 5).join(' ')]),
  });
}
writeFileSync(out, `${JSON.stringify(index, null, 1)}\n`);
