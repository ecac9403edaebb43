import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/question/index.js';

/** Records questions are told by their form; every other question is left to search. */
const ask = (question: string) => readQuestion(question).records;

describe('reading a records question', () => {
  it('reads each kind from its frame, with the topic or person it is about', () => {
    expect(ask('What did the board decide on the new car park?')).toEqual({ kind: 'decisions', topic: 'new car park' });
    expect(ask('what decisions were made about the allotments')).toEqual({ kind: 'decisions', topic: 'allotments' });
    expect(ask('Was the bus shelter quotation agreed?')).toEqual({ kind: 'decisions', topic: 'bus shelter quotation' });
    expect(ask('Has the pond clearance report been postponed again?')).toEqual({
      kind: 'deferred',
      topic: 'pond clearance',
    });
    expect(ask('are the mins of 4 May 2021 signed off?')).toEqual({ kind: 'status' });
    expect(ask('Who was Vice-Chair in 2019?')).toEqual({ kind: 'chair', office: 'vice-chair' });
    expect(ask('who was in the chair at the March meeting?')).toEqual({ kind: 'chair', office: 'chair' });
    // Who heads a body, in everyday words, with the body named; an officer's job is not a chair.
    expect(ask('who became the boss of thornley parish council in may 21?')).toEqual({
      kind: 'chair',
      office: 'chair',
    });
    expect(ask('who took over running the committee in 2018?')).toEqual({ kind: 'chair', office: 'chair' });
    expect(ask("who's in charge of the licensing panel now")).toEqual({ kind: 'chair', office: 'chair' });
    expect(ask('who runs the youth service?')).toBeNull();
    expect(ask('who leads on school transport?')).toBeNull();
    expect(ask('did cllr okafor attend the June 2022 meeting?')).toEqual({
      kind: 'present',
      name: 'Councillor Okafor',
    });
    expect(ask('Did Mrs Pike send apologies?')).toEqual({ kind: 'present', name: 'Mrs Pike' });
    expect(ask('What has Councillor Byrne said about flooding?')).toEqual({
      kind: 'said',
      name: 'Councillor Byrne',
      topic: 'flooding',
    });
    expect(ask('How did councillors vote on the skate park?')).toEqual({ kind: 'vote', topic: 'skate park' });
    expect(ask('Was the motion on street lighting carried?')).toEqual({ kind: 'vote', topic: 'street lighting' });
  });

  it('leaves questions about what was said, figures and bodies to search', () => {
    for (const question of [
      'What was said about school transport?',
      'What has the committee said about flooding?',
      'How much did the bus shelter cost?',
      'When did we last discuss knife crime?',
      'Who is responsible for the footpaths?',
      'What did Resolution 2019-45 authorize the village to buy?',
      'Were any members absent?',
    ]) {
      expect(ask(question), question).toBeNull();
    }
  });
});
