import type { Answer, Answerer, AskOptions, Citation, IndexStats } from '../../src/types.js';

/**
 * A scripted stand-in for the answering core, for Slack tests only: returns fixed Answers (or throws)
 * and records what it was asked. The real index is exercised end to end by the lead's tests.
 */
export class ScriptedAnswerer implements Answerer {
  readonly asked: Array<{ question: string; options: AskOptions | undefined }> = [];
  #script: (question: string) => Answer | Error;
  #gate: Promise<void> | undefined;

  constructor(script: (question: string) => Answer | Error = (q) => sampleAnswer(q)) {
    this.#script = script;
  }

  /** Replaces what the answerer returns from now on. */
  answerWith(script: (question: string) => Answer | Error): void {
    this.#script = script;
  }

  /** Holds every answer until the returned function is called (to observe work in progress). */
  hold(): () => void {
    let release = (): void => {};
    this.#gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.#gate = undefined;
      release();
    };
  }

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.asked.push({ question, options });
    if (this.#gate) await this.#gate;
    const result = this.#script(question);
    if (result instanceof Error) throw result;
    return result;
  }
}

export function sampleCitation(overrides: Partial<Citation> = {}): Citation {
  return {
    n: 1,
    council: 'Exampleshire',
    committee: 'Cabinet',
    date: '2024-03-12',
    minute: '76',
    minuteNumber: 76,
    title: 'Home to School Transport Policy',
    points: [],
    url: 'https://democracy.example.gov.uk/mgAi.aspx?ID=1234',
    quote: 'RESOLVED: that the revised policy be approved.',
    ...overrides,
  };
}

/** A plain extractive answer with one citation. */
export function sampleAnswer(question: string, overrides: Partial<Answer> = {}): Answer {
  return {
    question,
    mode: 'extractive',
    answer: 'Cabinet approved the revised home to school transport policy [1].',
    citations: [sampleCitation()],
    searched: { meetings: 12, from: '2023-01-10', to: '2024-06-30', committees: ['Cabinet', 'Planning Committee'] },
    ...overrides,
  };
}

/** Text that would ping or forge links if it reached Slack unescaped. */
export const HOSTILE_TEXT =
  'Hey <!channel> and <!here|here> and <!everyone>, @channel @here @everyone, ask <@U0VICTIM> or ' +
  '<!subteam^S0TEAM|@council-staff>; click <https://evil.example/|the official site> & 1 < 2 > 0';

/** An answer whose LLM text and minutes (title, quote) all carry hostile text. */
export function hostileAnswer(question: string): Answer {
  return sampleAnswer(question, {
    mode: 'llm',
    answer: `${HOSTILE_TEXT} [1]`,
    citations: [
      sampleCitation({
        title: `Urgent <!channel> item @everyone <@U0VICTIM>`,
        quote: `Members noted <!here> and <!subteam^S0TEAM> @here`,
        url: 'https://democracy.example.gov.uk/mgAi.aspx?ID=1|<!channel>',
      }),
    ],
  });
}

export function sampleStats(overrides: Partial<IndexStats> = {}): IndexStats {
  return {
    councils: ['Exampleshire'],
    committees: ['Cabinet', 'Planning Committee'],
    meetings: 12,
    items: 340,
    passages: 900,
    from: '2023-01-10',
    to: '2024-06-30',
    model: 'Xenova/bge-small-en-v1.5',
    dimensions: 384,
    ...overrides,
  };
}
