/**
 * Words as the index cuts them. The keyword index tokenises with SQLite FTS5's `unicode61` tokenizer
 * (diacritics removed, letters and digits only), so "children's" is "children" and "s", and
 * "re-referral" is "re" and "referral"; reading a question the same way means a question word and an
 * indexed word meet exactly.
 */

/** Lower-cased word and number tokens, accents removed; apostrophes, hyphens and slashes split words. */
export function tokenize(text: string): string[] {
  return foldCase(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Lower case with accents removed ("Café" -> "cafe"), as the index compares words. */
export function foldCase(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A number token ("2020", "63"). */
export function isNumber(token: string): boolean {
  return /^\p{N}+$/u.test(token);
}
