import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../ingest/parse/index.js';
import { extractDocxText, readDocx } from '../../ingest/read/docx.js';
import { BadMinutesFileError } from '../../src/errors.js';
import { makeMinutesDocx } from './make-docx.js';
import { business, outline } from './outline.js';

const PRINTED = readFileSync(new URL('../../examples/northbridge-2023-11-07-printed.txt', import.meta.url), 'utf8');
const fromText = parseMinutesText(PRINTED, { source: 'printed.txt' });
const HEADING = [
  'Minutes of a meeting of the Children and Young People Scrutiny Committee held at the Town Hall, Northbridge on Tuesday, 7 November 2023.',
  'PRESENT',
  'Councillor A. Okafor (in the Chair)',
];
/** The same minutes typed into Word: number, title and unwrapped paragraphs per item. */
const ITEMS = business(fromText).map((item) => ({
  number: `${item.minute}.`,
  title: `${item.title}.`,
  paragraphs: item.text.split('\n\n'),
}));

describe('Word minutes', () => {
  for (const layout of ['paragraphs', 'table'] as const) {
    it(`gives the same items, numbers and text as the text equivalent (${layout} layout)`, async () => {
      const meeting = await readDocx({ source: 'minutes.docx', bytes: await makeMinutesDocx(HEADING, ITEMS, layout) });
      expect(outline(meeting)).toEqual(outline(fromText));
      expect(business(meeting).map((i) => i.numberSource)).toEqual(business(fromText).map(() => 'printed'));
      expect(business(meeting).map((i) => i.text)).toEqual(business(fromText).map((i) => i.text));
      expect(business(meeting).map((i) => i.points)).toEqual(business(fromText).map((i) => i.points));
      // The heading typed above the items is kept: the title as preamble, the PRESENT list as attendance.
      expect(meeting.items.slice(0, 2).map((i) => [i.kind, i.text])).toEqual([
        ['preamble', HEADING[0]],
        ['attendance', HEADING[2]],
      ]);
      expect(meeting.date).toBe('2023-11-07');
      expect(meeting.committee).toBe('Children and Young People Scrutiny Committee');
    });
  }

  it('keeps paragraphs apart with blank lines', async () => {
    const text = await extractDocxText(await makeMinutesDocx(HEADING, ITEMS, 'paragraphs'), 'minutes.docx');
    expect(text).toContain('31.\n\nMinutes.\n\nThe minutes of the meeting held on 12 September 2023');
  });

  it('names a damaged Word file and says what to do', async () => {
    const bytes = await makeMinutesDocx(HEADING, ITEMS, 'paragraphs');
    const truncated = bytes.slice(0, Math.floor(bytes.length / 2));
    const error = await readDocx({ source: 'minutes.docx', bytes: truncated }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadMinutesFileError);
    expect((error as Error).message).toMatch(/^minutes\.docx: this Word file cannot be read .*save it again/);
  });
});
