import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../ingest/parse/index.js';
import { extractPdfText, readPdf } from '../../ingest/read/pdf.js';
import { makeMinutesPdf } from './make-pdf.js';
import { outline, words } from './outline.js';

/** Made-up minutes set narrow, as a two-column page prints them: no line wider than a column. */
const NARROW_MINUTES = [
  'Minutes of the Meeting of Orrin Vale',
  'Community Council held on 9 October 2023',
  'Present: Cllrs Abel, Brice, Corran, Dunn',
  '',
  '51. Apologies',
  'Cllr Ennis sent apologies; the meeting',
  'accepted them as a proper reason.',
  '',
  '52. Minutes of the previous meeting',
  'The minutes of 11 September were agreed',
  'and signed by the Chair as a true record.',
  '',
  '53. Village hall heating',
  'The Clerk reported two quotes for a new',
  'boiler, of £6,200 and £7,450. Members',
  'chose the lower quote and asked for the',
  'work to be done before December.',
  '',
  '54. Footpaths',
  'The stile on the river path has been',
  'replaced. Walkers had reported the old',
  'one broken in August.',
  '',
  '55. Planning',
  'No objection to the extension at Wren',
  'Cottage; concern about parking at the',
  'garage conversion on Mill Lane.',
  '',
  '56. Finance',
  'Payments of £912.40 were approved and',
  'the bank reconciliation was signed.',
  '',
  '57. Date of next meeting',
  'Monday 13 November 2023 at 7.30pm.',
].join('\n');

describe('PDF pages set in two columns', () => {
  it('reads each column top to bottom, left column first, instead of across the page', async () => {
    const bytes = await makeMinutesPdf(NARROW_MINUTES, { twoColumns: true, linesPerPage: 18 });
    const text = await extractPdfText(bytes, 'columns.pdf');
    expect(words(text)).toEqual(words(NARROW_MINUTES));
    expect(text).toContain('Cllr Ennis sent apologies; the meeting\naccepted them as a proper reason.');
  });

  it('gives the same items as the text the columns were printed from', async () => {
    const bytes = await makeMinutesPdf(NARROW_MINUTES, { twoColumns: true, linesPerPage: 18 });
    const fromPdf = await readPdf({ source: 'columns.pdf', bytes });
    const fromText = parseMinutesText(NARROW_MINUTES, { source: 'columns.txt' });
    expect(outline(fromPdf)).toEqual(outline(fromText));
    expect(fromPdf.items.map((i) => words(i.text))).toEqual(fromText.items.map((i) => words(i.text)));
    expect(fromPdf.items.filter((i) => i.minute).map((i) => i.minute)).toEqual([
      '51',
      '52',
      '53',
      '54',
      '55',
      '56',
      '57',
    ]);
  });

  it('keeps a title across both columns above them', async () => {
    const title = 'ORRIN VALE COMMUNITY COUNCIL — MINUTES OF THE ORDINARY MEETING OF THE COUNCIL, 9 OCTOBER 2023';
    const bytes = await makeMinutesPdf(`${title}\n${NARROW_MINUTES}`, { twoColumns: true, linesPerPage: 18 });
    const text = await extractPdfText(bytes, 'columns.pdf');
    expect(text.startsWith(`${title}\nMinutes of the Meeting of Orrin Vale`)).toBe(true);
    expect(words(text)).toEqual(words(`${title}\n${NARROW_MINUTES}`));
  });

  it('leaves a one-column page with a few two-column rows (an attendance list) in row order', async () => {
    const body =
      'The Committee considered the report of the Head of Planning on the review of the conservation area boundary.';
    const lines = [
      'PRESENT:',
      'Councillor Ashby (Chair)\tCouncillor Birtwhistle',
      'Councillor Carrow\tCouncillor Dimmock',
      'Councillor Ellery\tCouncillor Fenwick',
      '',
      ...Array.from({ length: 12 }, (_, i) => `${i + 1}. ${body}`),
    ];
    const text = await extractPdfText(await makeMinutesPdf(lines.join('\n')), 'rows.pdf');
    expect(text).toContain('Councillor Ashby (Chair) Councillor Birtwhistle\nCouncillor Carrow Councillor Dimmock');
    expect(words(text)).toEqual(words(lines.join('\n')));
  });
});
