import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../ingest/parse/index.js';
import { readPdf } from '../../ingest/read/pdf.js';
import { corpusFile, hasCorpus } from '../helpers/corpus.js';
import { makeMinutesPdf } from './make-pdf.js';

/** Wraps long lines the way a printed page does, so nothing runs off the page. */
function wrap(text: string, width = 100): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && `${current} ${word}`.length > width) {
          out.push(current);
          current = word;
        } else {
          current = current ? `${current} ${word}` : word;
        }
      }
      out.push(current);
      return out;
    })
    .join('\n');
}

// The real printed minutes in the shared corpus, printed again as PDFs: the PDF reader must find
// the same minute numbers the text parser finds in the text.
describe.skipIf(!hasCorpus)('printed minutes from the shared corpus, as PDF', () => {
  for (const file of ['002_4603350e2a5b5388.txt', '003_a8f63bb76f80c19c.txt']) {
    it(`${file}: same minute numbers, dates and titles as the text`, async () => {
      const text = readFileSync(corpusFile(file), 'utf8').replace(/\t/g, '    ');
      const fromText = parseMinutesText(text, { source: file });
      const pdf = await makeMinutesPdf(wrap(text), {
        header: 'Children and Families Overview and Scrutiny Committee',
        footer: (page, pages) => `Page ${page} of ${pages}`,
      });
      const fromPdf = await readPdf({ source: `${file}.pdf`, bytes: pdf });
      expect(fromPdf.items.map((i) => i.minute)).toEqual(fromText.items.map((i) => i.minute));
      expect(fromPdf.date).toBe(fromText.date);
      // A title longer than a printed line wraps; the PDF keeps at least its first line.
      fromPdf.items.forEach((item, i) => {
        expect(fromText.items[i]?.title.startsWith(item.title)).toBe(true);
      });
    });
  }
});
