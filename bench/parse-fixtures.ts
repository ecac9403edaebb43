/**
 * Parse benchmark over the layout fixtures (tests/fixtures/layouts, read as data) and the blind sets'
 * expected items (bench/fresh7/expected-items.json): meeting dates read right, items found
 * against expected, numbers right, items whose text starts where it should, numbers invented (must
 * be 0), characters of text dropped (must be 0) and pages refused, for the fitted fixtures and each
 * held-aside batch apart.
 *
 *   npx tsx bench/parse-fixtures.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { droppedWords } from '../ingest/parse/coverage.js';
import { parseMinutes } from '../ingest/parse/index.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
/**
 * Where the expected items are: the layout fixtures, and sets of minutes written blind for the
 * answer eval with their expected items beside them (each file's split is the set's name).
 */
const SOURCES: Array<{ dir: string; index: string; split?: string }> = [
  { dir: path.resolve(benchDir, '../tests/fixtures/layouts'), index: 'index.json' },
  { dir: path.resolve(benchDir, 'fresh7'), index: 'expected-items.json', split: 'fresh7' },
  { dir: path.resolve(benchDir, 'fresh8'), index: 'expected-items.json', split: 'fresh8' },
  { dir: path.resolve(benchDir, 'fresh9'), index: 'expected-items.json', split: 'fresh9' },
  { dir: path.resolve(benchDir, 'fresh10'), index: 'expected-items.json', split: 'fresh10' },
  { dir: path.resolve(benchDir, 'fresh11'), index: 'expected-items.json', split: 'fresh11' },
  { dir: path.resolve(benchDir, 'fresh12'), index: 'expected-items.json', split: 'fresh12' },
];

interface Fixture {
  file: string;
  split: string;
  date: string | null;
  items: Array<[string, string | null, number | null, string | null, string | null]>;
}

interface Tally {
  pages: number;
  refused: number;
  datesRight: number;
  expected: number;
  found: number;
  matched: number;
  numbersExpected: number;
  numbersRight: number;
  startsExpected: number;
  startsRight: number;
  invented: number;
  droppedChars: number;
}

const fixtures = SOURCES.flatMap(({ dir, index, split }) =>
  (JSON.parse(readFileSync(path.join(dir, index), 'utf8')) as Fixture[]).map((f) => ({
    ...f,
    split: split ?? f.split,
    file: path.join(dir, f.file),
  })),
);
const tallies = new Map<string, Tally>();
for (const fixture of fixtures) {
  const tally = tallies.get(fixture.split) ?? {
    pages: 0,
    refused: 0,
    datesRight: 0,
    expected: 0,
    found: 0,
    matched: 0,
    numbersExpected: 0,
    numbersRight: 0,
    startsExpected: 0,
    startsRight: 0,
    invented: 0,
    droppedChars: 0,
  };
  tallies.set(fixture.split, tally);
  tally.pages++;
  const expected = fixture.items.filter(([kind]) => kind === 'item');
  tally.expected += expected.length;
  tally.numbersExpected += expected.filter(([, minute]) => minute !== null).length;
  const text = readFileSync(fixture.file, 'utf8');
  let parsed: ReturnType<typeof parseMinutes>;
  try {
    parsed = parseMinutes(text, { source: path.basename(fixture.file) });
  } catch {
    tally.refused++;
    continue;
  }
  if (parsed.meeting.date === fixture.date) tally.datesRight++;
  const found = parsed.meeting.items.filter((i) => (i.kind ?? 'item') === 'item');
  tally.found += found.length;
  const printedMinutes = new Set(expected.map(([, minute]) => minute).filter((m) => m !== null));
  // An expected title of null is an item whose minutes print no title: any derived title matches it.
  // A title's closing full stop is punctuation, not title: the reader leaves it out.
  const sameTitle = (item: (typeof found)[number], title: string | null) =>
    title === null ? item.titleDerived : item.title === title.replace(/(?<!\.)\.$/, '');
  // As many first words as the fixture gives: batches were written with five or six.
  const firstWords = (item: (typeof found)[number], start: string) =>
    item.text.split(/\s+/).slice(0, start.split(/\s+/).length).join(' ');
  for (const [, minute, , title, start] of expected) {
    if (found.some((i) => sameTitle(i, title))) tally.matched++;
    if (minute !== null && found.some((i) => i.minute === minute && sameTitle(i, title))) tally.numbersRight++;
    // Where the fixture gives an item's first words, the item must start there: its boundary is right.
    if (start === null) continue;
    tally.startsExpected++;
    if (found.some((i) => sameTitle(i, title) && firstWords(i, start) === start)) tally.startsRight++;
  }
  // Invented: a number on an item that the minutes do not print for any item.
  tally.invented += found.filter((i) => i.minute !== null && !printedMinutes.has(i.minute)).length;
  tally.droppedChars += droppedWords(text, parsed.meeting, parsed.dropped).join('').length;
}

console.log(
  '| fixtures | pages | refused | meeting dates right | items found / expected | items matched | numbers right | items starting right | numbers invented | chars dropped |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [split, t] of tallies) {
  console.log(
    `| ${split} | ${t.pages} | ${t.refused} | ${t.datesRight} / ${t.pages} | ${t.found} / ${t.expected} | ${t.matched} | ${t.numbersRight} / ${t.numbersExpected} | ${t.startsRight} / ${t.startsExpected} | ${t.invented} | ${t.droppedChars} |`,
  );
}
