import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestLimits } from '../../ingest/limits.js';
import { readDocument } from '../../ingest/read/index.js';
import { LimitExceededError } from '../../src/errors.js';
import {
  docxWithBody,
  minutesText,
  nestedDivs,
  tinyParagraphs,
  unclosedNestedTables,
  wordMinutes,
  wordParagraph,
} from '../../support/hostile-files.js';

const PAGE_HTML = readFileSync(new URL('../fixtures/html/northbridge-2024-06-18.html', import.meta.url));

/** The refusal `readDocument` gives, or a failure if it read the document. */
async function refusal(source: string, bytes: Uint8Array | string, limits = ingestLimits()): Promise<Error> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const outcome = await readDocument({ source, bytes: data }, limits).then(
    (meeting) => new Error(`read with ${meeting.items.length} items`),
    (error: unknown) => error as Error,
  );
  expect(outcome).toBeInstanceOf(LimitExceededError);
  return outcome;
}

describe('Word files over the limits (issue 16 case 3)', () => {
  it('refuses millions of tiny paragraphs by name before mammoth builds them', async () => {
    // The sweep's file held 2.3 M paragraphs in 315 KB and took 4.3 GB; 50 k against a limit of 10 k is the same shape.
    const bytes = await docxWithBody(tinyParagraphs(50_000));
    const error = await refusal('minutes.docx', bytes, ingestLimits({ maxParagraphs: 10_000 }));
    expect(error.message).toMatch(
      /^minutes\.docx: has more than 10,000 paragraphs, the limit for one file \(MINUTEBOOK_MAX_PARAGRAPHS\); split it by meeting/,
    );
  });

  it('stops unzipping a part that inflates past the limit (a zip bomb)', async () => {
    const bytes = await docxWithBody(`<w:p><w:r><w:t>${'a'.repeat(3 * 1024 * 1024)}</w:t></w:r></w:p>`);
    expect(bytes.length).toBeLessThan(20_000);
    const error = await refusal('bomb.docx', bytes, ingestLimits({ maxUnzippedBytes: 1024 * 1024 }));
    expect(error.message).toMatch(/^bomb\.docx: unzips to more than 1 MB of Word markup.*MINUTEBOOK_MAX_UNZIPPED_MB/);
  });

  it('refuses tables nested in tables past the depth limit', async () => {
    const nested = `${'<w:tbl><w:tr><w:tc>'.repeat(100)}${wordParagraph('x')}${'</w:tc></w:tr></w:tbl>'.repeat(100)}`;
    const error = await refusal('nested.docx', await docxWithBody(nested));
    expect(error.message).toMatch(/^nested\.docx: nests its markup more than 256 levels deep.*MINUTEBOOK_MAX_DEPTH/);
  });

  it('reads Word minutes inside the limits as before', async () => {
    const meeting = await readDocument({ source: 'parks.docx', bytes: await docxWithBody(wordMinutes(40)) });
    expect(meeting.items.filter((i) => i.minute !== null)).toHaveLength(40);
    expect(meeting.date).toBe('2025-03-04');
  });
});

describe('HTML over the limits (issue 16 case 4)', () => {
  it('refuses 100 KB of unclosed nested tables at once, by name (it took over 200 s)', async () => {
    const html = unclosedNestedTables(6_250);
    expect(html.length).toBeGreaterThan(100_000);
    const error = await refusal('tables.html', html);
    expect(error.message).toMatch(/^tables\.html: nests its markup more than 256 levels deep.*MINUTEBOOK_MAX_DEPTH/);
  });

  it('refuses 5,000 nested divs by name instead of overflowing the stack', async () => {
    const error = await refusal('divs.html', nestedDivs(5_000));
    expect(error.message).toMatch(/^divs\.html: nests its markup more than 256 levels deep/);
    expect(error.message).not.toMatch(/call stack/);
  });

  it('reads markup nested just inside the limit', async () => {
    const meeting = await readDocument({ source: 'deep.html', bytes: Buffer.from(nestedDivs(250)) });
    expect(meeting.items.filter((i) => i.minute !== null).map((i) => i.title)).toEqual(['Report 1', 'Report 2']);
  });

  it('refuses more elements than the limit', async () => {
    const html = `<html><body><p>1. Minutes</p>${'<p><span>noted</span></p>'.repeat(2_000)}</body></html>`;
    const error = await refusal('long.html', html, ingestLimits({ maxElements: 1_000 }));
    expect(error.message).toMatch(/^long\.html: has more than 1,000 markup elements.*MINUTEBOOK_MAX_ELEMENTS/);
  });

  it('still finds a ModernGov page’s items table among many others', async () => {
    const many = '<table><tr><th>Layout</th></tr><tr><td>x</td></tr></table>'.repeat(500);
    const page = PAGE_HTML.toString('utf8').replace('<body>', `<body>${many}`);
    const plain = await readDocument({ source: 'page.html', bytes: PAGE_HTML });
    const meeting = await readDocument({ source: 'page.html', bytes: Buffer.from(page) });
    expect(meeting.items.map((i) => [i.minute, i.title, i.url])).toEqual(
      plain.items.map((i) => [i.minute, i.title, i.url]),
    );
    expect(meeting.items.filter((i) => i.minute !== null)).toHaveLength(6);
  });
});

describe('one giant meeting (issue 16 case 5)', () => {
  it('refuses more text than one meeting has before parsing it', async () => {
    const text = minutesText(400, 160);
    const error = await refusal('giant.txt', text, ingestLimits({ maxMeetingChars: 100_000 }));
    expect(error.message).toMatch(
      /^giant\.txt: has [\d,]+ characters of text, over the limit of 100,000 for one meeting \(MINUTEBOOK_MAX_MEETING_CHARS\)/,
    );
  });

  it('refuses more lines than the limit', async () => {
    const error = await refusal('lines.txt', minutesText(2_000, 3), ingestLimits({ maxParagraphs: 5_000 }));
    expect(error.message).toMatch(
      /^lines\.txt: has more than 5,000 paragraphs \(lines of text\).*MINUTEBOOK_MAX_PARAGRAPHS/,
    );
  });

  it('refuses a meeting that makes more passages than the limit', async () => {
    const error = await refusal('many.txt', minutesText(300, 40), ingestLimits({ maxMeetingPassages: 200 }));
    expect(error.message).toMatch(
      /^many\.txt: makes 30\d passages, over the limit of 200 for one meeting \(MINUTEBOOK_MAX_MEETING_PASSAGES\)/,
    );
  });
});

describe('dates no minutes can have', () => {
  it('leaves a date centuries ahead unknown, and says so', async () => {
    const text = minutesText(3, 20).replace('4 March 2025', '4 March 2105');
    const meeting = await readDocument({ source: 'typo.txt', bytes: Buffer.from(text) });
    expect(meeting.date).toBeNull();
    expect(meeting.warnings).toContainEqual(expect.stringMatching(/meeting date 2105-03-04 is more than a year after/));
  });
});
