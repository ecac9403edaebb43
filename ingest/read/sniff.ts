/**
 * Decides how to read a minutes file from its bytes, not its name: councils mail round `.doc` files
 * that are really HTML, PDFs saved without an extension, and `.txt` files that are web pages.
 */

/** The readers Minutebook has. `binary` means none of them can read the file. */
export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text' | 'binary';

const PDF_MAGIC = '%PDF-';
/** How far into a file a PDF header may start: Acrobat tolerates junk before it, and so do we. */
const PDF_SEARCH_BYTES = 1024;
/** Enough of the start to see a doctype, an `<html>` tag or a table after a comment or two. */
const MARKUP_SEARCH_BYTES = 4096;
/** How far to look for markup in a file whose name says it is HTML. */
const LONG_MARKUP_SEARCH_BYTES = 65536;
/** Enough to tell text from binary without reading a whole file. */
const BINARY_SEARCH_BYTES = 8192;

/**
 * Sniffs the format of a document from its content. The file name only widens the search for
 * markup in a file named .html; a text file named .pdf is still text.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (startsWithin(bytes, PDF_MAGIC, PDF_SEARCH_BYTES)) return 'pdf';
  if (isZip(bytes)) return zipHasWordDocument(bytes) ? 'docx' : 'binary';
  if (hasNulBytes(bytes)) return 'binary';
  if (looksLikeHtml(bytes)) return 'html';
  // A page saved as .html may open with kilobytes of script before any markup the check above sees.
  if (/\.x?html?$/i.test(fileName) && /<(html|body|table|p|div)[\s>]/i.test(latin1(bytes, LONG_MARKUP_SEARCH_BYTES))) {
    return 'html';
  }
  return 'text';
}

function startsWithin(bytes: Uint8Array, magic: string, limit: number): boolean {
  const head = latin1(bytes, limit + magic.length);
  const at = head.indexOf(magic);
  return at >= 0 && at <= limit;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * A .docx is a zip whose central directory names `word/document.xml`. Entry names are stored
 * uncompressed, so finding the name in the bytes is enough without unzipping.
 */
function zipHasWordDocument(bytes: Uint8Array): boolean {
  return latin1(bytes, bytes.length).includes('word/document.xml');
}

function hasNulBytes(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SEARCH_BYTES);
  // UTF-16 text is full of NULs too, but no council publishes minutes in it; treat it as binary.
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes, MARKUP_SEARCH_BYTES).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  const start = head.trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return true;
  // Saved fragments and Word's "Save as web page" start with comments or XML prologues.
  return /<html[\s>]|<body[\s>]|<table[\s>]/i.test(head) && start.startsWith('<');
}

function latin1(bytes: Uint8Array, limit: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString('latin1');
}
