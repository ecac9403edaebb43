/**
 * Relevance below which the best search hit is taken to mean "the minutes don't cover this".
 *
 * On the retriever's absolute score scale (cosine similarity blended with rarity-weighted term
 * coverage; coverage alone in a keyword-only index). Measured with `minutebook eval`: on the dev
 * questions, answerable questions' best hits scored at least 0.548 (hybrid, all-MiniLM-L6-v2) and
 * 0.644 (keyword-only), the unanswerable one 0.117 and 0.000; on 22 further questions written
 * against the same corpus, at least 0.429 and 0.517 against at most 0.256 and 0.271 for the four
 * the minutes cannot answer. 0.35 sits in both gaps.
 */
export const DEFAULT_NOT_FOUND_THRESHOLD = 0.35;
