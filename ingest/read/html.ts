/**
 * HTML minutes. A ModernGov "agenda and minutes" page (ieListDocuments.aspx, saved from a browser)
 * is read from its markup: the items table keeps each minute's printed number, title and link,
 * which copied text loses. Any other HTML is turned into text for the text parser.
 */
import { type Cheerio, type CheerioAPI, load } from 'cheerio';
import type { Element } from 'domhandler';
import iconv from 'iconv-lite';
import { isoFromParts, LONG_DATE } from '../../src/dates.js';
import { BadMinutesFileError } from '../../src/errors.js';
import type { Meeting, MinuteItem, SourceDocument } from '../../src/types.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../limits.js';
import { structuredItem } from '../moderngov/item.js';
import { htmlToText } from './html-text.js';
import { checkHtmlMarkup } from './markup.js';
import { parseDocumentText } from './parse-text.js';

/**
 * Reads an HTML document: structured when it is a ModernGov page, through the text parser otherwise.
 * Its markup is measured against the limits before a tree is built (see markup.ts).
 */
export async function readHtml(doc: SourceDocument, limits: IngestLimits = DEFAULT_LIMITS): Promise<Meeting> {
  const html = decodeHtml(doc.bytes);
  checkHtmlMarkup(html, doc.source, limits);
  const $ = load(html);
  const table = findItemTable($);
  if (table) return readModernGovPage($, table, doc);
  const text = htmlToText($('body').length ? $('body').get() : $.root().get(), { listLabels: true });
  return parseDocumentText(text, doc, limits);
}

/**
 * Decodes by the page's declared charset (ModernGov serves UTF-8; pages saved from older sites and
 * Word's "web page" export are often Windows-1252), falling back to UTF-8.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  const charset = iconv.encodingExists(declared) ? declared : 'utf-8';
  return iconv.decode(Buffer.from(bytes), charset).replace(/^\uFEFF/, '');
}

/**
 * ModernGov's items table: `table.mgItemTable`, or any table headed "No." / "Item" with item links.
 * Headers are gathered once, by the table they head, rather than searched for table by table: in
 * tables nested inside tables the search was quadratic (issue 16).
 */
function findItemTable($: CheerioAPI): Cheerio<Element> | null {
  const marked = $('table.mgItemTable').first();
  if (marked.length) return marked;
  const headersOf = new Map<Element, string[]>();
  for (const th of $('th').get()) {
    const table = $(th).closest('table').get(0);
    if (table?.type !== 'tag') continue;
    const headers = headersOf.get(table) ?? [];
    headers.push($(th).text().trim().toLowerCase());
    headersOf.set(table, headers);
  }
  for (const [table, headers] of headersOf) {
    if (
      headers.some((h) => /^no\.?$/.test(h)) &&
      headers.includes('item') &&
      $(table).find('a[href*="mgAi.aspx"]').length > 0
    ) {
      return $(table);
    }
  }
  return null;
}

function readModernGovPage($: CheerioAPI, table: Cheerio<Element>, doc: SourceDocument): Meeting {
  const hints = doc.hints ?? {};
  const pageUrl = hints.url ?? canonicalUrl($);
  const header = readPageHeader($);
  const rows = table
    .find('tr')
    .filter((_, row) => $(row).children('td').length >= 2 && $(row).closest('table').is(table));
  const items: MinuteItem[] = [];
  let withMinutes = 0;
  for (const row of rows.get()) {
    const item = readRow($, row, pageUrl);
    if (!item) continue;
    if (item.hasMinutes) withMinutes++;
    // Unnumbered rows before the first minute are notices (a webcast): the page's preamble, as in text.
    if (item.item.minute === null && items.every((i) => i.minute === null)) item.item.kind = 'preamble';
    items.push(item.item);
  }
  if (items.length === 0 || (withMinutes === 0 && !items.some((item) => item.restricted))) {
    throw new BadMinutesFileError(
      doc.source,
      'this ModernGov page has no minutes yet (only the agenda): save the page again once the minutes are published',
    );
  }

  const warnings: string[] = [];
  const date = header.date ?? hints.date ?? null;
  if (!date) warnings.push('no meeting date on the page or in the manifest; date left unknown');
  if (header.date && hints.date && header.date !== hints.date) {
    warnings.push(
      `the page says the meeting was on ${header.date} but the manifest says ${hints.date}; using the page`,
    );
  }
  return {
    council: hints.council ?? header.council,
    committee: header.committee ?? hints.committee ?? null,
    date,
    startTime: header.startTime ?? hints.startTime ?? null,
    venue: header.venue ?? hints.venue ?? null,
    chair: null,
    attendees: [],
    source: doc.source,
    url: pageUrl,
    items,
    warnings,
  };
}

interface PageHeader {
  council: string | null;
  committee: string | null;
  date: string | null;
  startTime: string | null;
  venue: string | null;
}

const TIME = String.raw`(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))`;
/** "Children and Families Overview and Scrutiny Committee - Tuesday, 2 June 2020 2.00 pm". */
const PAGE_TITLE = new RegExp(String.raw`^(.{3,200}?)\s+[-–]\s+${LONG_DATE}(?:,?\s+${TIME})?\s*$`, 'i');
/** The document title: "Agenda for X on Tuesday, 2nd June, 2020, 2.00 pm - Y Council". */
const DOCUMENT_TITLE = new RegExp(
  String.raw`^(?:Agenda|Minutes|Agenda and minutes|Decisions)\s+for\s+(.{3,200}?)\s+on\s+${LONG_DATE}(?:,?\s+${TIME})?(?:\s+[-–]\s+(.+))?$`,
  'i',
);

function readPageHeader($: CheerioAPI): PageHeader {
  const header: PageHeader = { council: null, committee: null, date: null, startTime: null, venue: null };
  const subtitle = $('h2.mgSubTitleTxt, .mgSubTitle h2, #modgov h2')
    .map((_, h) => squash($(h).text()))
    .get()
    .find((text) => PAGE_TITLE.test(text));
  const fromSubtitle = subtitle ? PAGE_TITLE.exec(subtitle) : null;
  const fromTitle = DOCUMENT_TITLE.exec(squash($('title').first().text()));
  const match = fromSubtitle ?? fromTitle;
  if (match) {
    header.committee = match[1]?.trim() ?? null;
    header.date = isoFromParts(match[2] ?? '', match[3] ?? '', match[4] ?? '');
    header.startTime = match[5]?.trim() ?? null;
  }
  const council = fromTitle?.[6]?.trim();
  if (council && /\b(council|authority|borough|parish)\b/i.test(council)) header.council = council;
  header.venue = labelledValue($, 'Venue');
  return header;
}

/** The value after a ModernGov label ("Venue: County Hall. View directions"), without link furniture. */
function labelledValue($: CheerioAPI, label: string): string | null {
  const labelNode = $('.mgLabel, strong, b, span')
    .filter((_, el) => squash($(el).text()).replace(/:$/, '').toLowerCase() === label.toLowerCase())
    .first();
  if (!labelNode.length) return null;
  const container = labelNode.parent().clone();
  container
    .find('a')
    .filter((_, a) => /directions/i.test($(a).text()))
    .remove();
  const value = squash(container.text())
    .replace(new RegExp(`^${label}:?\\s*`, 'i'), '')
    .replace(/\s*View directions\s*$/i, '')
    .replace(/[.\s]+$/, '');
  return value || null;
}

function canonicalUrl($: CheerioAPI): string | null {
  const href = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  if (!href) return null;
  try {
    return new URL(href).toString();
  } catch {
    return null;
  }
}

function readRow(
  $: CheerioAPI,
  row: Element,
  pageUrl: string | null,
): { item: MinuteItem; hasMinutes: boolean } | null {
  const cells = $(row).children('td');
  const numberCell = cells.first();
  const body = cells.eq(1);
  // Rows without a title paragraph (a webcast notice) are all text; the item builder derives a title.
  const titleNode = body.find('.mgAiTitleTxt').first();
  const titleSource = titleNode.length ? titleNode : body.find('a[href*="mgAi.aspx"]').first();
  const link = titleSource.is('a') ? titleSource : titleSource.find('a[href*="mgAi.aspx"]').first();
  const title = squash((link.length ? link : titleSource).text());
  const { before, minutes } = splitAtMinutes($, body, titleSource);
  if (!title && !minutes && !before) return null;
  const restricted = $(row).find('[class*="estricted"], [class*="xempt"]').length > 0;
  const minute = squash(numberCell.text()) || null;
  const href = link.attr('href') ?? numberCell.find('a[href*="mgAi.aspx"]').attr('href') ?? null;
  const item = structuredItem({
    minute,
    title,
    // Agenda text before "Minutes:" says what was to be done, not what was minuted; an unnumbered row has only that.
    text: minutes ?? (minute ? '' : before),
    url: href ? absolute(href, pageUrl) : null,
    restricted,
    agendaItem: null,
  });
  // Unnumbered rows are notices (webcast, fire procedure), housekeeping as in the text parser.
  if (minute === null) item.procedural = true;
  return { item, hasMinutes: minutes !== null };
}

/**
 * Splits an item cell at its "Minutes:" label: the agenda text before it (descriptions, document
 * links) and the minute after it. `minutes` is null when the row has no minute.
 */
function splitAtMinutes(
  $: CheerioAPI,
  body: Cheerio<Element>,
  titleNode: Cheerio<Element>,
): { before: string; minutes: string | null } {
  const clone = body.clone();
  clone.find('ul.mgActionList, ul.mgBulletList, .mgDocuments, script').remove();
  // The title is read separately; drop it from the clone by matching its position.
  if (titleNode.length) {
    const titleIndex = body.find('*').index(titleNode);
    if (titleIndex >= 0) clone.find('*').eq(titleIndex).remove();
  }
  const label = clone
    .find('*')
    .filter((_, el) => /^(minutes|decision)\s*:$/i.test(squash($(el).text())))
    .first();
  if (!label.length) return { before: htmlToText(clone.get()), minutes: null };
  // Private-use characters cannot occur in minutes, and survive both the HTML parser and the text conversion.
  const marker = '\uE000MINUTES\uE000';
  label.replaceWith(`<p>${marker}</p>`);
  const text = htmlToText(clone.get());
  const at = text.indexOf(marker);
  return { before: text.slice(0, at).trim(), minutes: text.slice(at + marker.length).trim() };
}

function absolute(href: string, base: string | null): string | null {
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    // A relative link in a page saved without its address cannot be resolved; better no link than a broken one.
    return null;
  }
}

function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
