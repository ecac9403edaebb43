import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../ingest/parse/index.js';
import { readHtml } from '../../ingest/read/html.js';
import { BadMinutesFileError } from '../../src/errors.js';
import { business, outline } from './outline.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url));
const PAGE_HTML = read('../fixtures/html/northbridge-2024-06-18.html');
const PAGE_TEXT = read('../../examples/northbridge-2024-06-18-page.txt').toString('utf8');
const PRINTED_TEXT = read('../../examples/northbridge-2023-11-07-printed.txt').toString('utf8');
const BASE = 'https://democracy.northbridge.example';

describe('ModernGov agenda-and-minutes page saved from a browser', () => {
  it('gives the same items and numbers as the same page copied as text, but printed rather than recovered', async () => {
    const fromText = parseMinutesText(PAGE_TEXT, { source: 'page.txt' });
    const fromHtml = await readHtml({ source: 'page.html', bytes: PAGE_HTML });
    expect(outline(fromHtml)).toEqual(outline(fromText));
    expect(fromHtml.items.map((i) => i.numberSource)).toEqual(['none', ...Array(6).fill('printed')]);
    expect(fromHtml.items.map((i) => i.kind)).toEqual(['preamble', ...Array(6).fill('item')]);
    expect(business(fromHtml).map((i) => i.points)).toEqual(business(fromText).map((i) => i.points));
    expect(business(fromHtml).map((i) => i.resolutions)).toEqual(business(fromText).map((i) => i.resolutions));
    expect(business(fromHtml).map((i) => i.procedural)).toEqual(business(fromText).map((i) => i.procedural));
  });

  it('keeps each minute’s own text: agenda text, document links and the "Minutes:" label are not part of it', async () => {
    const fromText = parseMinutesText(PAGE_TEXT, { source: 'page.txt' });
    const fromHtml = await readHtml({ source: 'page.html', bytes: PAGE_HTML });
    // Minute 52 is cut short in copied text ("… view the full minutes text for item 52"); the page has it whole.
    const same = (m: typeof fromHtml) =>
      business(m)
        .filter((i) => i.minute !== '52')
        .map((i) => i.text);
    expect(same(fromHtml)).toEqual(same(fromText));
    const item52 = fromHtml.items.find((i) => i.minute === '52');
    expect(item52?.text).toContain('written answer');
    for (const item of fromHtml.items)
      expect(item.text).not.toMatch(/PDF \d+ KB|Minutes:|Additional documents|To consider/);
  });

  it('reads the meeting header and links every item to its mgAi.aspx page', async () => {
    const meeting = await readHtml({ source: 'page.html', bytes: PAGE_HTML });
    expect(meeting).toMatchObject({
      council: 'Northbridge Borough Council',
      committee: 'Children and Young People Scrutiny Committee',
      date: '2024-06-18',
      startTime: '6.00 pm',
      venue: 'Town Hall, Northbridge',
      url: `${BASE}/ieListDocuments.aspx?CId=12&MId=326`,
      warnings: [],
    });
    expect(meeting.items.find((i) => i.minute === '54')?.url).toBe(`${BASE}/mgAi.aspx?ID=4104`);
    expect(meeting.items[0]?.url).toBeNull();
  });

  it('resolves relative links against the manifest URL when the page has no canonical link', async () => {
    const html = PAGE_HTML.toString('utf8').replace(/<link rel="canonical"[^>]*>/, '');
    const meeting = await readHtml({
      source: 'page.html',
      bytes: Buffer.from(html),
      hints: { url: 'https://minutes.example.org/ieListDocuments.aspx?CId=12&MId=326' },
    });
    expect(meeting.items.find((i) => i.minute === '51')?.url).toBe('https://minutes.example.org/mgAi.aspx?ID=4101');
    const unanchored = await readHtml({ source: 'page.html', bytes: Buffer.from(html) });
    expect(unanchored.items.find((i) => i.minute === '51')?.url).toBeNull();
  });

  it('records a restricted item by title only', async () => {
    const html = PAGE_HTML.toString('utf8').replace(
      '</table>',
      `<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt"><a href="mgAi.aspx?ID=4107">57.</a></p></td>
       <td><p class="mgAiTitleTxt"><a href="mgAi.aspx?ID=4107">Residential Placement Contract.</a></p>
       <p class="mgRestrictedTxt">Restricted enclosure</p>
       <p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara"><p>Secret figures: £9m.</p></div></td></tr></table>`,
    );
    const meeting = await readHtml({ source: 'page.html', bytes: Buffer.from(html) });
    const item = meeting.items.find((i) => i.minute === '57');
    expect(item).toMatchObject({ title: 'Residential Placement Contract', restricted: true, text: '' });
    expect(JSON.stringify(item?.passages)).not.toContain('£9m');
  });

  it('refuses a page with the agenda only, saying the minutes are not published yet', async () => {
    const html = PAGE_HTML.toString('utf8').replace(/<p class="mgSubItemTitleTxt">Minutes:<\/p>/g, '');
    const error = await readHtml({ source: 'agenda.html', bytes: Buffer.from(html) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadMinutesFileError);
    expect((error as Error).message).toMatch(/^agenda\.html: .*no minutes yet/);
  });

  it('decodes a Windows-1252 page by its declared charset', async () => {
    const html = PAGE_HTML.toString('utf8').replace('charset=UTF-8', 'charset=windows-1252');
    const bytes = Buffer.from(html.replace('£3.2m', '\u0000').split('\u0000').join('POUND3.2m'), 'latin1');
    const withPound = Buffer.concat([
      bytes.subarray(0, bytes.indexOf('POUND')),
      Buffer.from([0xa3]),
      bytes.subarray(bytes.indexOf('POUND') + 5),
    ]);
    const meeting = await readHtml({ source: 'page.html', bytes: withPound });
    expect(meeting.items.find((i) => i.minute === '54')?.text).toContain('£3.2m');
  });
});

describe('other HTML (e.g. Word saved as a web page)', () => {
  it('goes through the text parser and gives the same items as the text', async () => {
    const fromText = parseMinutesText(PRINTED_TEXT, { source: 'printed.txt' });
    const body = business(fromText)
      .map(
        (i) =>
          `<p>${i.minute}.</p><p><b>${i.title}.</b></p>${i.text
            .split('\n\n')
            .map((p) => `<p>${p}</p>`)
            .join('')}`,
      )
      .join('\n');
    const html = `<html><head><meta charset="utf-8"><style>p{margin:0}</style></head><body>
      <p>Minutes of a meeting of the Children and Young People Scrutiny Committee held at the Town Hall, Northbridge on Tuesday, 7 November 2023.</p>
      ${body}</body></html>`;
    const meeting = await readHtml({ source: 'minutes.htm', bytes: Buffer.from(html) });
    expect(outline(meeting)).toEqual(outline(fromText));
    expect(business(meeting).map((i) => i.text)).toEqual(business(fromText).map((i) => i.text));
    expect(meeting.date).toBe('2023-11-07');
  });
});
