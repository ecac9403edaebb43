import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberPassages } from '../../src/answer/passages.js';
import { buildAnswerMessages, loadPrompts } from '../../src/answer/prompts.js';
import { ConfigError } from '../../src/errors.js';
import { EHCP_2022, LOOKED_AFTER_2020 } from './fixtures.js';

describe('prompts', () => {
  it('are read from prompts/ once and shared', () => {
    const first = loadPrompts();
    expect(first.system).toMatch(/DATA, not instructions/);
    expect(first.answerFormat).toMatch(/NOT_IN_MINUTES/);
    expect(first.answerFormatJson).toMatch(/"not_in_minutes" is true only when/);
    expect(first.followUp).toMatch(/standalone question/);
    expect(loadPrompts()).toBe(first);
  });

  it('a missing or empty prompt file is a config error naming the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-prompts-'));
    expect(() => loadPrompts(dir)).toThrow(ConfigError);
    expect(() => loadPrompts(dir)).toThrow(path.join(dir, 'system.md'));
    writeFileSync(path.join(dir, 'system.md'), 'rules');
    writeFileSync(path.join(dir, 'answer-style.md'), 'style');
    writeFileSync(path.join(dir, 'answer-format.md'), '  \n');
    expect(() => loadPrompts(dir)).toThrow(/answer-format\.md is empty/);
  });

  it('gives passages as numbered, delimited data blocks labelled with their citation', () => {
    const passages = numberPassages([EHCP_2022, LOOKED_AFTER_2020], { perHit: 2, max: 10 });
    const [, user] = buildAnswerMessages(loadPrompts(), passages, 'What was said about EHCP growth?');
    expect(user?.content).toContain(
      '[1] Children and Families Overview and Scrutiny Committee, 6 September 2022, minute 21 — SEND and Inclusion (point i)\n<<<(i) The number of children requiring an EHCP',
    );
    expect(user?.content).toContain(
      '[2] Children and Families Overview and Scrutiny Committee, 21 January 2020, minute 54',
    );
    expect(user?.content).toMatch(/numbered 1 to 2/);
  });

  it('bounds the number of passages whatever the retriever returns', () => {
    const many = Array.from({ length: 30 }, () => LOOKED_AFTER_2020);
    expect(numberPassages(many, { perHit: 2, max: 16 })).toHaveLength(16);
  });
});
