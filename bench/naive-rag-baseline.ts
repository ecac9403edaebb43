/**
 * The naive RAG baseline our search is measured against: each document's raw text cut into
 * fixed-size word windows with overlap (no parsing, no items), embedded with the same model, and
 * ranked by cosine similarity to the question. It knows documents, not minute items, so it is
 * scored on whether the answering *meeting* is among the documents of its top windows.
 */
import type { Embedder } from '../src/types.js';

export interface WindowOptions {
  /** Words per window. */
  size: number;
  /** Words shared by consecutive windows. */
  overlap: number;
}

interface Window {
  /** The document the window was cut from. */
  doc: string;
  vector: Float32Array;
}

/** A built baseline: search returns the documents of the top `k` windows, best first (repeats kept). */
export interface NaiveRag {
  windows: number;
  search(question: string, k: number): Promise<string[]>;
}

/** Cuts every document into windows, embeds them all, and returns the baseline's search. */
export async function buildNaiveRag(
  docs: Array<{ id: string; text: string }>,
  embedder: Embedder,
  options: WindowOptions,
): Promise<NaiveRag> {
  if (!(options.size > 0 && options.overlap >= 0 && options.overlap < options.size)) {
    throw new Error(`window size must be positive and overlap smaller (got ${options.size}/${options.overlap})`);
  }
  const pieces = docs.flatMap((doc) => wordWindows(doc.text, options).map((text) => ({ doc: doc.id, text })));
  const vectors = await embedder.embedDocuments(pieces.map((p) => p.text));
  const windows: Window[] = pieces.map((piece, i) => ({ doc: piece.doc, vector: vectors[i] ?? new Float32Array() }));
  return {
    windows: windows.length,
    async search(question, k) {
      const query = await embedder.embedQuery(question);
      return windows
        .map((w) => ({ doc: w.doc, score: cosine(query, w.vector) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((w) => w.doc);
    },
  };
}

/** Fixed-size windows of whitespace-separated words, each starting `size - overlap` words after the last. */
export function wordWindows(text: string, { size, overlap }: WindowOptions): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const windows: string[] = [];
  for (let start = 0; start < words.length; start += size - overlap) {
    windows.push(words.slice(start, start + size).join(' '));
    if (start + size >= words.length) break;
  }
  return windows;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
