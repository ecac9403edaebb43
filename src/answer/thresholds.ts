/**
 * Relevance below which the best search hit is taken to mean "the minutes don't cover this".
 *
 * The value is on the retriever's fused score scale and is set from measurement: `minutebook eval`
 * prints the top score of every unanswerable dev question, and this sits between those and the
 * scores of the answerable ones. Until it is measured it is 0, so only an empty result (or a
 * question none of whose topic words appear in what was found) counts as not found.
 */
export const DEFAULT_NOT_FOUND_THRESHOLD = 0;
