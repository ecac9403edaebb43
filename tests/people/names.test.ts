import { describe, expect, it } from 'vitest';
import {
  cleanPersonName,
  couldBeSamePerson,
  findTitledNames,
  parsePersonName,
  resolvePerson,
} from '../../src/people/names.js';

const parsed = (name: string) => {
  const p = parsePersonName(name);
  if (!p) throw new Error(`not a name: ${name}`);
  return p;
};

describe('reading a printed name', () => {
  it('separates titles, initials, given names, surname and post-nominals', () => {
    expect(parsed('Mrs. H. J. Fryer CC')).toMatchObject({
      member: true,
      honorific: 'mrs',
      sex: 'f',
      forenames: [
        { initial: 'h', full: null },
        { initial: 'j', full: null },
      ],
      surname: 'fryer',
    });
    expect(parsed('Mr. I. D. Ould OBE CC')).toMatchObject({ member: true, sex: 'm', surname: 'ould' });
    expect(parsed('Councillor Moore')).toMatchObject({
      member: true,
      honorific: null,
      forenames: [],
      surname: 'moore',
    });
    expect(parsed('Cllr Mrs A Kippax')).toMatchObject({ member: true, honorific: 'mrs', surname: 'kippax' });
    expect(parsed('Miss Karen O’Reardon')).toMatchObject({
      forenames: [{ initial: 'k', full: 'karen' }],
      surname: "o'reardon",
    });
    expect(parsed('Councilmember Kris Lawrence-\nAnderson').surname).toBe('lawrence-anderson');
    expect(parsed('Dr R.K.A. Feltham').forenames.map((f) => f.initial)).toEqual(['r', 'k', 'a']);
    expect(parsed('HJ Fryer').forenames.map((f) => f.initial)).toEqual(['h', 'j']);
  });

  it('is not fooled by words that are not names', () => {
    for (const text of [
      'the Chair',
      'two members of the public',
      'None',
      'Councillor The',
      'Lead Member for Children and Families',
    ]) {
      expect(parsePersonName(text), text).toBeNull();
    }
  });
});

describe('when two printed names can be one person', () => {
  it('agrees where initials, given names and sex agree', () => {
    expect(couldBeSamePerson(parsed('Mrs. H. J. Fryer CC'), parsed('Mrs Fryer'))).toBe(true);
    expect(couldBeSamePerson(parsed('Mrs. H. J. Fryer CC'), parsed('Helen Fryer'))).toBe(true);
    expect(couldBeSamePerson(parsed('Mrs H Fryer CC'), parsed('Mrs. H. J. Fryer CC'))).toBe(true);
  });

  it('never where they clash', () => {
    expect(couldBeSamePerson(parsed('Mrs H. J. Fryer'), parsed('Mr T. Fryer'))).toBe(false);
    expect(couldBeSamePerson(parsed('H. J. Fryer'), parsed('H. K. Fryer'))).toBe(false);
    expect(couldBeSamePerson(parsed('Helen Fryer'), parsed('Hilary Fryer'))).toBe(false);
    expect(couldBeSamePerson(parsed('Mrs Fryer'), parsed('Mrs Fryar'))).toBe(false);
  });
});

describe('resolving a name someone asks about', () => {
  it('gathers every printed form of the one person it can be', () => {
    const result = resolvePerson('Mrs Fryer', ['Mrs. H. J. Fryer CC', 'Mrs H Fryer CC', 'Mr. J. Kaufman CC']);
    expect(result).toEqual({
      status: 'match',
      person: { display: 'Mrs. H. J. Fryer CC', names: ['Mrs. H. J. Fryer CC', 'Mrs H Fryer CC'] },
    });
    expect(resolvePerson('Helen Fryer', ['Mrs. H. J. Fryer CC', 'Mr T Fryer'])).toMatchObject({ status: 'match' });
  });

  it('says "ambiguous" with the candidates when two people could be meant, and attributes the bare form to neither', () => {
    const result = resolvePerson('Cllr Smith', ['Cllr J Smith', 'Cllr L Smith', 'Cllr Smith', 'Councillor John Smith']);
    expect(result).toEqual({
      status: 'ambiguous',
      candidates: [
        { display: 'Councillor John Smith', names: ['Councillor John Smith', 'Cllr J Smith'] },
        { display: 'Cllr L Smith', names: ['Cllr L Smith'] },
      ],
    });
    expect(resolvePerson('Cllr L Smith', ['Cllr J Smith', 'Cllr L Smith', 'Cllr Smith'])).toEqual({
      status: 'match',
      person: { display: 'Cllr L Smith', names: ['Cllr L Smith', 'Cllr Smith'] },
    });
  });

  it('finds no one when no printed name fits', () => {
    expect(resolvePerson('Cllr Brown', ['Cllr J Smith'])).toEqual({ status: 'none' });
    expect(resolvePerson('the Chair', ['Cllr J Smith'])).toEqual({ status: 'none' });
  });
});

describe('names in running text', () => {
  it('finds titled names, drops possessives and plural list titles, and skips institutions', () => {
    const text =
      "Councillor Moore declared that she chairs the Alderman Newton Charity Trust. Mrs H Fryer CC replied. The Committee thanked Mr Ould. Mr Ould's last meeting. For: Cllrs Wrenfield, Oakes.";
    expect(findTitledNames(text).map((n) => n.name)).toEqual([
      'Councillor Moore',
      'Mrs H Fryer CC',
      'Mr Ould',
      'Mr Ould',
      'Cllr Wrenfield',
    ]);
  });

  it('does not run a name across a line break', () => {
    expect(findTitledNames('Moved by Councillor Sandoval\nSeconded by Councillor Tremblay').map((n) => n.name)).toEqual(
      ['Councillor Sandoval', 'Councillor Tremblay'],
    );
  });

  it('cleans the sentence words a name pattern picks up at either end', () => {
    expect(cleanPersonName('That Mrs. H. Fryer CC')).toBe('Mrs. H. Fryer CC');
    expect(cleanPersonName('Councillor Sandoval Seconded')).toBe('Councillor Sandoval');
    expect(cleanPersonName('That')).toBeNull();
  });
});
