/**
 * HTML to plain text the way a reader sees it: one paragraph per block, blank lines between
 * blocks, list items with their labels. Used for minute bodies from ModernGov (its web service and
 * saved pages) and for HTML that is not a ModernGov page.
 */
import type { AnyNode, Element } from 'domhandler';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'svg', 'button']);

export interface HtmlTextOptions {
  /**
   * Whether ordered-list items get their labels ("i)", "a)", "2)"). The label is written with a
   * closing bracket, the sub-point style, so it can never pass for a minute number ("54.").
   */
  listLabels?: boolean;
}

/** The text of the given nodes, paragraphs separated by blank lines, whitespace normalised. */
export function htmlToText(nodes: AnyNode | AnyNode[], options: HtmlTextOptions = {}): string {
  const out: string[] = [];
  const state = { listLabels: options.listLabels ?? true };
  for (const node of Array.isArray(nodes) ? nodes : [nodes]) walk(node, out, state);
  return out
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(node: AnyNode, out: string[], state: { listLabels: boolean }): void {
  if (node.type === 'text') {
    out.push(node.data.replace(/\s+/g, ' '));
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  if (node.type === 'root') {
    for (const child of node.children) walk(child, out, state);
    return;
  }
  const tag = node.name.toLowerCase();
  if (SKIPPED_TAGS.has(tag)) return;
  if (tag === 'br') {
    out.push('\n');
    return;
  }
  if (tag === 'img') {
    // ModernGov's document icons carry their meaning in alt text ("PDF 163 KB"); it is noise here.
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) out.push('\n\n');
  if (tag === 'li' && state.listLabels) out.push(listLabel(node));
  for (const child of node.children) walk(child, out, state);
  if (block) out.push('\n\n');
}

function listLabel(li: Element): string {
  const list = li.parent;
  if (list?.type !== 'tag' || list.name.toLowerCase() !== 'ol') return '';
  const siblings = list.children.filter((child): child is Element => child.type === 'tag' && child.name === 'li');
  const start = Number.parseInt(list.attribs.start ?? '1', 10);
  const value = Number.parseInt(li.attribs.value ?? '', 10);
  const index = Number.isNaN(value) ? (Number.isNaN(start) ? 1 : start) + siblings.indexOf(li) : value;
  return `${formatLabel(index, listStyle(list))}) `;
}

type ListStyle = 'decimal' | 'lower-alpha' | 'upper-alpha' | 'lower-roman' | 'upper-roman';

function listStyle(list: Element): ListStyle {
  const type = list.attribs.type;
  if (type === 'a') return 'lower-alpha';
  if (type === 'A') return 'upper-alpha';
  if (type === 'i') return 'lower-roman';
  if (type === 'I') return 'upper-roman';
  const css = /list-style-type:\s*([a-z-]+)/i.exec(list.attribs.style ?? '')?.[1]?.toLowerCase();
  if (css === 'lower-alpha' || css === 'lower-latin') return 'lower-alpha';
  if (css === 'upper-alpha' || css === 'upper-latin') return 'upper-alpha';
  if (css === 'lower-roman' || css === 'upper-roman') return css;
  return 'decimal';
}

function formatLabel(index: number, style: ListStyle): string {
  switch (style) {
    case 'lower-alpha':
      return alpha(index);
    case 'upper-alpha':
      return alpha(index).toUpperCase();
    case 'lower-roman':
      return roman(index);
    case 'upper-roman':
      return roman(index).toUpperCase();
    default:
      return String(index);
  }
}

function alpha(index: number): string {
  let n = Math.max(1, index);
  let label = '';
  while (n > 0) {
    n -= 1;
    label = String.fromCharCode(97 + (n % 26)) + label;
    n = Math.floor(n / 26);
  }
  return label;
}

function roman(index: number): string {
  const numerals: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let n = Math.max(1, index);
  let label = '';
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      label += numeral;
      n -= value;
    }
  }
  return label;
}
