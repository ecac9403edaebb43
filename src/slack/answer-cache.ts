import { randomUUID } from 'node:crypto';
import type { Answer } from '../types.js';

/**
 * Recent slash-command answers, so "Share in channel" posts exactly what the asker saw. Slack does
 * not send an ephemeral message's content back with its button press, and a button value holds only
 * 2000 characters. Bounded; on a miss (restart, eviction) the question is asked again.
 */
export class AnswerCache {
  readonly #max: number;
  readonly #answers = new Map<string, Answer>();

  constructor(max = 500) {
    this.#max = max;
  }

  put(answer: Answer): string {
    const id = randomUUID();
    this.#answers.set(id, answer);
    if (this.#answers.size > this.#max) {
      const oldest = this.#answers.keys().next().value;
      if (oldest !== undefined) this.#answers.delete(oldest);
    }
    return id;
  }

  get(id: string): Answer | undefined {
    return this.#answers.get(id);
  }
}
