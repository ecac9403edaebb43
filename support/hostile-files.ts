import JSZip from 'jszip';

/**
 * Hostile minutes files of the kinds issue 16's sweep found, generated at any size so a test can
 * scale the input (and the limits) down and the bench (bench/hostile-inputs.ts) can build them at
 * full size. Nothing here is real minutes.
 */

/** A .docx whose body is `body` (WordprocessingML inside `<w:body>`), zipped as Word does. */
export async function docxWithBody(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** One Word paragraph of text. */
export function wordParagraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** Minutes typed into Word: a heading, then `items` numbered items of one paragraph each. */
export function wordMinutes(items: number): string {
  const paragraphs = ['Minutes of the Parks Committee held at the Pavilion on Tuesday, 4 March 2025.'];
  for (let n = 1; n <= items; n++) {
    paragraphs.push(`${n}.`, `Bench Repairs ${n}`, `The committee agreed to repair bench ${n} by the lake.`);
  }
  return paragraphs.map(wordParagraph).join('');
}

/** `n` tiny paragraphs: 2.3 M of them zip to about 300 KB. */
export function tinyParagraphs(n: number): string {
  return '<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(n);
}

/** Tables nested in tables' cells, `levels` deep, never closed. */
export function unclosedNestedTables(levels: number): string {
  return `<html><body>${'<table><tr><td>x'.repeat(levels)}</body></html>`;
}

/** `levels` nested divs around minutes of two items. */
export function nestedDivs(levels: number): string {
  const minutes = minutesText(2, 12)
    .split('\n')
    .filter(Boolean)
    .map((line) => `<p>${line}</p>`)
    .join('');
  return `<html><body>${'<div>'.repeat(levels)}${minutes}${'</div>'.repeat(levels)}</body></html>`;
}

/**
 * Minutes text of `items` numbered items, each `lines` lines (paragraphs) of `words` made-up words,
 * dated and headed like real minutes.
 */
export function minutesText(items: number, words: number, lines = 1): string {
  const vocabulary = 'the committee noted report budget school transport housing officers resolved members'.split(' ');
  const out = ['Minutes of the Parks Committee held at the Pavilion on Tuesday, 4 March 2025.', ''];
  for (let n = 1; n <= items; n++) {
    out.push(`${n}.`, `Report ${n}`, '');
    for (let l = 0; l < lines; l++) {
      const body = Array.from({ length: words }, (_, w) => vocabulary[(n * 7 + l + w * 3) % vocabulary.length]);
      out.push(`${body.join(' ')}.`);
    }
    out.push('');
  }
  return out.join('\n');
}
