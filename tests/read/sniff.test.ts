import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../ingest/read/sniff.js';
import { makeMinutesDocx } from './make-docx.js';
import { makeMinutesPdf } from './make-pdf.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sniffFormat', () => {
  it('recognises a PDF by content whatever its name', async () => {
    const pdf = await makeMinutesPdf('1. Minutes.\nThe minutes were signed.');
    expect(sniffFormat(pdf, 'minutes.txt')).toBe('pdf');
    expect(sniffFormat(pdf, 'download')).toBe('pdf');
  });

  it('recognises a Word document inside its zip, and refuses other zips', async () => {
    const docx = await makeMinutesDocx(
      ['Heading'],
      [{ number: '1.', title: 'Minutes.', paragraphs: ['Signed.'] }],
      'paragraphs',
    );
    expect(sniffFormat(docx, 'minutes.bin')).toBe('docx');
    const otherZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes('xl/workbook.xml')]);
    expect(sniffFormat(otherZip, 'minutes.docx')).toBe('binary');
  });

  it('recognises HTML by doctype, html tag or table markup, even named .doc or .txt', () => {
    expect(sniffFormat(bytes('<!DOCTYPE html><html><body>x</body></html>'), 'minutes.txt')).toBe('html');
    expect(sniffFormat(bytes('\uFEFF  <html lang="en">'), 'minutes.doc')).toBe('html');
    expect(sniffFormat(bytes('<!-- saved from url=(0062)https://x -->\n<table class="mgItemTable">'), 'm')).toBe(
      'html',
    );
  });

  it('treats plain minutes as text, even when they mention <table> in prose', () => {
    expect(sniffFormat(bytes('Minutes of a meeting\n1. Apologies.'), 'minutes.pdf')).toBe('text');
    expect(sniffFormat(bytes('The <table> of figures was noted.'), 'minutes.txt')).toBe('text');
  });

  it('looks further for markup in a file named .html', () => {
    const page = `<script>${'x'.repeat(5000)}</script><body><p>Minutes</p></body>`;
    expect(sniffFormat(bytes(page), 'saved.html')).toBe('html');
    expect(sniffFormat(bytes(page), 'saved.txt')).toBe('text');
  });

  it('calls files with NUL bytes binary', () => {
    expect(sniffFormat(Uint8Array.from([0x4d, 0x5a, 0x00, 0x01]), 'minutes.txt')).toBe('binary');
  });
});
