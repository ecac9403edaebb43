import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILE,
  knownModelIds,
  onReferenceScale,
  profileFor,
  queryText,
  SIMILARITY_REFERENCE_MODEL,
} from '../../src/embed/models.js';
import { TINY_MODEL_DIMENSIONS } from '../helpers/tiny-model.js';

describe('model profiles', () => {
  it('gives bge-small CLS pooling and its query instruction', () => {
    const { profile, known } = profileFor('Xenova/bge-small-en-v1.5');
    expect(known).toBe(true);
    expect(profile.pooling).toBe('cls');
    expect(profile.dimensions).toBe(384);
    expect(queryText(profile, 'school transport')).toBe(
      'Represent this sentence for searching relevant passages: school transport',
    );
  });

  it('gives all-MiniLM-L6-v2 mean pooling, no prefix and its 256-token limit', () => {
    const { profile } = profileFor('Xenova/all-MiniLM-L6-v2');
    expect(profile.pooling).toBe('mean');
    expect(profile.maxTokens).toBe(256);
    expect(queryText(profile, 'school transport')).toBe('school transport');
  });

  it('matches the same model published under another organisation, keeping the id asked for', () => {
    const { profile, known } = profileFor('BAAI/bge-small-en-v1.5');
    expect(known).toBe(true);
    expect(profile.id).toBe('BAAI/bge-small-en-v1.5');
    expect(profile.pooling).toBe('cls');
    expect(profileFor('sentence-transformers/all-MiniLM-L6-v2').profile.pooling).toBe('mean');
  });

  it('falls back to mean pooling and no prefix for unknown models, and says it did', () => {
    const { profile, known } = profileFor('acme/some-new-model');
    expect(known).toBe(false);
    expect(profile).toEqual({ ...DEFAULT_PROFILE, id: 'acme/some-new-model' });
    expect(queryText(profile, 'q')).toBe('q');
  });

  it('registers the generated test model', () => {
    expect(knownModelIds()).toContain('minutebook/tiny-test-model');
    expect(profileFor('minutebook/tiny-test-model').profile).toMatchObject({
      pooling: 'mean',
      dimensions: TINY_MODEL_DIMENSIONS,
    });
  });

  it("puts each model's cosines on the reference model's scale, so one threshold serves all", () => {
    const reference = profileFor(SIMILARITY_REFERENCE_MODEL).profile.similarity;
    expect(onReferenceScale(reference, 0.42)).toBe(0.42);
    // bge-small scores unrelated texts about 0.6 and related ones about 0.72 (bench/answer-eval.ts
    // --similarity): mapped, they land where all-MiniLM-L6-v2 puts them, about 0.3 and 0.6.
    const bge = profileFor('BAAI/bge-small-en-v1.5').profile.similarity;
    expect(onReferenceScale(bge, 0.59)).toBeCloseTo(0.31, 1);
    expect(onReferenceScale(bge, 0.723)).toBeCloseTo(0.58, 1);
    // A model nobody measured is taken as it comes.
    expect(profileFor('acme/some-new-model').profile.similarity).toEqual({ scale: 1, offset: 0 });
  });
});
