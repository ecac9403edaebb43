/**
 * Small text tools for answering from passages: text that talks like a prompt. Sentences are split
 * by src/minutes/sentences.ts.
 * Deliberately plain: minutes are formal English, and a transparent scorer is easier to trust than
 * a clever one. Reading the question (words, stems, acronyms) is src/question's job.
 */

/** Sentences that address a reader as if they were instructions: minutes never do this honestly. */
export function looksLikeInstruction(sentence: string): boolean {
  return /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompt|rules|above|previous)\b|\b(system prompt|you are (now )?(an?|the) (ai|assistant|bot|model)|as an ai)\b|<!(channel|here|everyone)|@(channel|here|everyone)\b/i.test(
    sentence,
  );
}
