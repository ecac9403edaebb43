import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { stem, tokenize } from '../../src/question/index.js';
import { corpusDir, examplesDir, hasCorpus } from '../helpers/corpus.js';

/** The terms SQLite's FTS5 `porter unicode61 remove_diacritics 2` tokenizer (the index's) makes of each word. */
function ftsTerms(words: string[]): Map<string, string[]> {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');`);
    const insert = db.prepare('INSERT INTO t(x) VALUES (?)');
    const clear = db.prepare('DELETE FROM t');
    const terms = db.prepare('SELECT term FROM v');
    const out = new Map<string, string[]>();
    for (const word of words) {
      clear.run();
      insert.run(word);
      out.set(
        word,
        (terms.all() as Array<{ term: string }>).map((row) => row.term),
      );
    }
    return out;
  } finally {
    db.close();
  }
}

function wordsOf(dir: string): string[] {
  const words = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    for (const word of tokenize(readFileSync(path.join(dir, file), 'utf8'))) words.add(word);
  }
  return [...words];
}

describe('the one stemmer is the keyword index’s', () => {
  it('stems like FTS5 porter on every word of the sample minutes and on hard cases', () => {
    const words = [
      ...wordsOf(examplesDir),
      ...['management', 'managed', 'families', 'referrals', 'educated', 'education', 'café', 'naïve', 'hopefully'],
    ];
    for (const [word, terms] of ftsTerms(words))
      expect([word, stem(tokenize(word)[0] ?? '')]).toEqual([word, terms[0]]);
  });

  it.skipIf(!hasCorpus)('stems like FTS5 porter on every word of the shared corpus', () => {
    const mismatched = [...ftsTerms(wordsOf(corpusDir))].filter(([word, terms]) => stem(word) !== terms[0]);
    expect(mismatched).toEqual([]);
  });

  it('tokenises as the index does: apostrophes and hyphens split words, accents go', () => {
    expect(tokenize("Children's re-referral Café 2020/21")).toEqual([
      'children',
      's',
      're',
      'referral',
      'cafe',
      '2020',
      '21',
    ]);
  });
});
