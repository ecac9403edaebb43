/**
 * Relevance below which the best search hit is taken to mean "the minutes don't cover this".
 *
 * On the retriever's absolute score scale (cosine similarity blended with rarity-weighted term
 * coverage; coverage alone in a keyword-only index). Measured with `minutebook eval` on the dev
 * questions: answerable questions' best hits scored at least 0.644 (keyword-only) and 0.548
 * (hybrid, all-MiniLM-L6-v2); the unanswerable one scored 0.000 and 0.194. 0.3 sits between both.
 */
export const DEFAULT_NOT_FOUND_THRESHOLD = 0.3;
