import { describe, expect, it } from 'vitest';
import {
  askedFacets,
  askedOf,
  Glossary,
  isHistoryQuestion,
  readQuestion,
  sentenceGives,
} from '../../src/question/index.js';

describe('history questions: one detector', () => {
  it.each([
    ['What was said about EHCP growth?', true],
    ['What has the committee heard about knife crime?', true],
    ['what the committee has heard about recruiting social workers', true],
    ["knife crime - what's been said over the years?", true],
    ['When did we last discuss school transport?', true],
    ['when did cttee last talk about county lines?', true],
    ['When was knife crime last discussed?', true],
    ['How has SEND funding changed over the years?', true],
    ['Give me the history of the Families First programme', true],
    ['How many looked after children were there in January 2020?', false],
    ['Who was appointed Chairman in June 2018?', false],
    ['When will the backlog clear?', false],
    ['When did the Families First programme start?', false],
  ])('"%s": %s', (question, expected) => {
    expect(isHistoryQuestion(question)).toBe(expected);
  });
});

describe('what a question asks for, beyond its topic', () => {
  it.each([
    ['How much did the youth offending building cost?', ['money']],
    ['What is the budget for the TSIL programme?', ['money']],
    ['tsil budget?', ['money']],
    ['How many inspectors carried out the inspection?', ['count']],
    ["What were the Harbour Board's annual mooring fees for 2025?", ['money']],
    ['What precept did the parish council set for 2025/26?', ['money']],
    ['What bill did the assembly pass?', []],
    ['What grant did the council accept for the bridge?', []],
    ['number of foster carers recruited in 2020', ['count']],
    ['What share of care leavers kept in touch?', ['share']],
    ['How much notice is given before an inspection?', ['duration']],
    ['By how much did attendance grow?', ['amount']],
    ['Which children’s centres were closed?', ['closure', 'named']],
    ['Which bus company operates the school route?', ['named']],
    ['How did members vote on the plan?', ['vote']],
    ['Who replaced Mr Ould?', ['holder']],
    ['Who objected to the plan?', ['person']],
    ['Who runs the holiday scheme?', ['person']],
    // An office's holder: someone by name.
    ['Who is the Independent Chairman of the Safeguarding Board?', ['holder']],
    ['who was elected vice-chairman?', ['holder']],
    ['can you tell me who chairs the licensing board', ['holder']],
    ['Could you tell me who the new Clerk is?', ['holder']],
    ['When will the 26 new primary schools open?', ['date']],
    ['dcfsf phase 2 - when approved?', ['date']],
    // What "how much" measures: money only where the question names money.
    ['how much notice do we get before an inspection?', ['duration']],
    ['barnardos year 2 funding - how much?', ['money']],
    ['what the budget for the TSIL programme is', ['money']],
    ['What will pay-and-display charges be at the harbour car park?', ['money']],
    ['what would the new allotment rent rate be', ['money']],
    ['LCC employee benefits - what is it worth?', ['money']],
    ['cost of the new lights on the trail?', ['money']],
    ['how much the new lights will cost', ['money']],
    ['how much did the fair make?', ['amount']],
    ["stile on path 7 - when's it getting fixed?", ['date']],
    // A date still to come is never the meeting's own, whatever the verb.
    ['When will the appeal on the mill application be heard?', ['date']],
    ["when's the budget going to be considered by cabinet", ['date']],
    // A bare topic typed in Slack asks for what its last noun names.
    ['quick one - H2S transport spend 22/23?', ['money']],
    ['foster carer allowance per week?', ['money']],
    ['council tax rise 2023?', ['amount']],
    ['hmo licence revocation length?', ['duration']],
    ['depot roof repair cost est', ['money']],
    ['cycle hub feasibility study budget $', ['money']],
    ['pier lighting budget approved', ['money']],
    ['grounds maintenance tender winner', ['person']],
    // After what it wants, a bare ask may name a period or a date, a unit, and an aside in brackets.
    ['harbour dues arrears at 31/3/24 %?', ['amount']],
    ['pool refurb cost 2023 £? (not 2024)', ['money']],
    ['parish precept increase for 24/25 (last yr)?', ['amount']],
    ['bridge fund allocation 2024 €?', ['money']],
    ['general reserve balance 31 march 2024', ['amount']],
    ['play area consultation number of responses', ['count']],
    // What is asked may be a qualifier's own word: "total" after "warrants" is the figure asked.
    ['nov warrants total $?', ['amount']],
    ['allotments ctte site visit date?', ['date']],
    ['knife crime?', []],
    ['what was said about the council tax rise?', []],
    ["hollow ln appeal - when's it being heard?", ['date']],
    // A meeting closed to the public closes nothing down.
    ['what was the closed session for?', []],
    // The meeting's own date answers these: nothing particular is asked.
    ['When was knife crime last discussed?', []],
    ['When was the Ofsted report considered?', []],
    ['What is the Families First programme?', []],
    ['How did the council perform on the number of days from entering care to adoption?', []],
  ])('"%s" asks for %j', (question, facets) => {
    expect(askedFacets(question, isHistoryQuestion(question))).toEqual(facets);
  });
});

describe('what a sentence of the minutes gives', () => {
  const asked = (question: string) => askedOf(readQuestion(question));

  it('for a kind of sum asked by name, a sum of that kind; for money in general, any sum', () => {
    const saved = asked('How much did the shared fleet scheme save?');
    expect(sentenceGives('money', 'The scheme had delivered savings of £240,000 in its first year.', saved)).toBe(true);
    expect(sentenceGives('money', 'Growth of £1.2m was built into the fleet budget.', saved)).toBe(false);
    const budget = asked('What was the total highways budget for 2024/25?');
    expect(sentenceGives('money', 'Highways had overspent by £600,000.', budget)).toBe(false);
    expect(sentenceGives('money', 'A budget of £4.1m was allocated to highways.', budget)).toBe(true);
    const cost = asked('How much will the new play area cost?');
    expect(cost.sumKinds).toEqual([]);
    expect(sentenceGives('money', 'The play area would be installed at a price of £38,000.', cost)).toBe(true);
    // Asked with a second question, the kind is named where the sum is asked for, not in the other.
    const price = asked('What was the tender price for the footbridge, and how will the shortfall be met?');
    expect(price.sumKinds).toEqual([]);
    expect(sentenceGives('money', 'The tender was returned at £1.4 million, above the estimate.', price)).toBe(true);
  });

  it('for a kind of sum, a sum with a word of that kind in its clause, or as the nearest word of a kind of sum', () => {
    const grant = asked('How much was the fisheries grant for the ice plant?');
    expect(
      sentenceGives('money', 'Officers sought a budget of up to £310,000, part-funded by a fisheries grant.', grant),
    ).toBe(false);
    expect(sentenceGives('money', 'The fisheries grant, confirmed in June, was worth £95,000.', grant)).toBe(true);
    expect(sentenceGives('money', 'A grant of £95,000 would meet part of the £310,000 budget.', grant)).toBe(true);
    expect(sentenceGives('money', 'Members noted £95,000 of fisheries grant.', grant)).toBe(true);
    const operating = asked('How much did the town appropriate for the operating budget?');
    expect(
      sentenceGives('money', 'The Town voted to raise and appropriate $6,118,900 for the operating budget.', operating),
    ).toBe(true);
    const budget = asked('What was the gross budget for 2020/21?');
    expect(
      sentenceGives(
        'money',
        'The gross budget for 2020/21 was £330.9m with contributions from specific grants.',
        budget,
      ),
    ).toBe(true);
  });

  it('a salary, a wage or a rent asked for is a sum of money', () => {
    expect(readQuestion('What salary will the County Judge receive under the new schedule?').facets).toEqual(['money']);
    expect(readQuestion('what rent do the market traders pay?').facets).toEqual(['money']);
  });

  it('for "how many X did Y", a count of X that says they did Y, in any of its words', () => {
    const q = asked('How many residents attended the flood forum?');
    expect(sentenceGives('count', 'Some 140 residents attended the forum at the village hall.', q)).toBe(true);
    expect(sentenceGives('count', 'The forum was told that 30 residents had lost power.', q)).toBe(false);
    const finished = asked('how many apprentices finished the scheme last year?');
    expect(sentenceGives('count', 'Twelve apprentices completed the scheme in 2024.', finished)).toBe(true);
    // Light verbs, a place among others, and another clause's verb say nothing of the counted.
    expect(asked('how many pupils took part').countedActs).toEqual([]);
    expect(asked('how many wards sit under the north area').countedActs).toEqual([]);
    expect(asked('how many extra wardens would the levy pay for').countedActs).toEqual([]);
  });

  it('for an average, a figure said to be one; for one side, not the other side alone; for a total, not a change', () => {
    const of = (question: string) => askedOf(readQuestion(question));
    const average = of('What is the average weekly cost of a residential placement?');
    expect(sentenceGives('money', 'The average weekly cost of a placement was £4,950.', average)).toBe(true);
    expect(sentenceGives('money', 'One placement had cost £9,100 a week.', average)).toBe(false);
    expect(
      sentenceGives('duration', 'Assessments typically took 19 weeks.', of('how long does an assessment take on avg?')),
    ).toBe(true);
    // "Mean" in a question is mostly "what does it mean".
    expect(readQuestion('What does the new grading mean for costs?').average).toBe(false);

    const favour = of('How many residents spoke in favour of the rezoning?');
    expect(sentenceGives('count', 'Two residents spoke against the density.', favour)).toBe(false);
    expect(sentenceGives('count', 'Five residents spoke in favour and two against.', favour)).toBe(true);
    expect(sentenceGives('count', 'Seven residents spoke at the hearing.', favour)).toBe(true);
    const against = of('Who voted against the water rate ordinance?');
    expect(sentenceGives('person', 'Cllr Abram spoke in support of the ordinance.', against)).toBe(false);
    expect(readQuestion('Who objected to the premises licence?').stance).toBe('against');
    expect(readQuestion('What support do parents get?').stance).toBe(null);

    const total = of('What would the total Band D precept be after the proposed rise?');
    expect(sentenceGives('money', 'The Commissioner proposed a rise of £15 for a Band D property.', total)).toBe(false);
    expect(sentenceGives('money', 'A rise of £15 would take Band D to £251.', total)).toBe(true);
    // An overspend "by" a sum is the overspend itself, no change.
    expect(
      sentenceGives('money', 'Highways had overspent by £600,000 in total.', of('What was the total overspend?')),
    ).toBe(true);
    expect(sentenceGives('money', 'The rent would rise by £4 a week.', of('How much will the rent rise?'))).toBe(true);
  });

  it('for a "which" question, a name or a number the question does not give', () => {
    const q = asked('Which bus company operates the Eastfield school route?');
    expect(sentenceGives('named', 'The operator of the Eastfield route was given a formal warning.', q)).toBe(false);
    expect(sentenceGives('named', 'Four primary schools were found to be in condition C.', q)).toBe(false);
    expect(sentenceGives('named', 'The contract is held by Castle Coaches Ltd.', q)).toBe(true);
    expect(sentenceGives('named', "Barnardo's runs the route under contract.", q)).toBe(true);
    // A bus company is someone: a number names none ("which footpath" may be answered by one).
    expect(sentenceGives('named', 'The route is run under contract 7.', q)).toBe(false);
    expect(sentenceGives('named', 'The stile on footpath 7 was broken.', asked('Which footpath was blocked?'))).toBe(
      true,
    );
  });

  it('for money, a sum in any currency minutes use, not a road number', () => {
    const q = asked('What did the drain desilting contract cost?');
    expect(sentenceGives('money', 'The work was awarded at Rs. 1,86,40,000/- to M/s Verma Builders.', q)).toBe(true);
    expect(sentenceGives('money', 'The estimate was Rs. 1.94 crore.', q)).toBe(true);
    expect(sentenceGives('money', 'Permits range from KSh 1,500 for hawkers.', q)).toBe(true);
    expect(sentenceGives('money', 'The desilting covers the drains along the R512.', q)).toBe(false);
    expect(sentenceGives('money', 'A grant of R6.2 million was approved for the desilting.', q)).toBe(true);
    expect(sentenceGives('money', 'The desilting contract was let at R45,000.', q)).toBe(true);
  });

  it('for a vote, a tally however a council prints it', () => {
    const q = asked('How did the council vote on the bypass grant?');
    expect(sentenceGives('vote', 'CARRIED 6/2', q)).toBe(true);
    expect(sentenceGives('vote', 'For: Crs Tully, Mackinnon and Nguyen', q)).toBe(true);
    expect(sentenceGives('vote', 'Motion carried 3-2 (Castellano and Lindqvist opposed).', q)).toBe(true);
    expect(sentenceGives('vote', 'CARRIED', q)).toBe(false);
  });

  it('for "which" someone, a name only: no number, month or label before a number', () => {
    const q = asked('Which caretaker retired from Fernlea Primary?');
    const noted = 'Governors noted one retirement (Block C caretaker, effective 31 July) and a successor from August.';
    expect(sentenceGives('named', noted, q)).toBe(false);
    expect(sentenceGives('named', 'Governors thanked Mr Okonjo, caretaker since 2009, on his retirement.', q)).toBe(
      true,
    );
    // "Which footpath" is answered by its number.
    expect(sentenceGives('named', 'The stile on footpath 7 was broken.', asked('Which footpath was blocked?'))).toBe(
      true,
    );
  });

  it('for who supplied or did something, a name, not an office', () => {
    const q = asked('Who was the contractor for the pavilion roof?');
    expect(sentenceGives('person', 'Action by: Chief Executive and Town Clerk.', q)).toBe(false);
    expect(sentenceGives('person', 'The roof was let to Harrow Slate Ltd for £18,400.', q)).toBe(true);
  });

  it('for who holds an office, a person by name, not the body or document a run of capitals names', () => {
    const q = asked('Who is the Independent Chairman of the Safeguarding Children Board?');
    expect(
      sentenceGives(
        'holder',
        'The Committee considered a report of the Independent Chairman of the Wessmoor and Rutland Safeguarding Children Board presenting the Business Plan.',
        q,
      ),
    ).toBe(false);
    expect(sentenceGives('holder', 'The Board was chaired by Dr Amara Okafor.', q)).toBe(true);
    expect(sentenceGives('holder', 'It was stated that Mr Tarrant CC chaired the Board.', q)).toBe(true);
    expect(
      sentenceGives('holder', 'It was resolved that Andy Shepperd be appointed as the Independent Chairman.', q),
    ).toBe(true);
    expect(sentenceGives('holder', 'The report was presented by J. Okafor, the Independent Chairman.', q)).toBe(true);
    expect(sentenceGives('holder', 'Members noted the Annual Report in March.', q)).toBe(false);
    // Anyone named answers "who objected": a body as well as a person.
    expect(
      sentenceGives('person', 'Wessmoor Cycling Club objected to the plan.', asked('Who objected to the plan?')),
    ).toBe(true);
  });

  it('a count of the thing counted, not any number', () => {
    const q = asked('How many youth workers are there?');
    expect(sentenceGives('count', 'There were also 21 Youth Workers who worked with young people.', q)).toBe(true);
    expect(sentenceGives('count', 'Youth workers would be trained over the next two/three months.', q)).toBe(false);
    expect(sentenceGives('count', 'Knife crime remained one of the key issues for youth workers.', q)).toBe(false);
    expect(sentenceGives('count', 'Youth workers were discussed under Standing Order 34 and item 7(3).', q)).toBe(
      false,
    );
    expect(sentenceGives('count', 'The Covid-19 pandemic changed how youth workers met young people.', q)).toBe(false);
    expect(sentenceGives('count', 'Youth workers: see minute C048/23 and Min 28 24/25 (3 youth workers).', q)).toBe(
      true,
    );
    expect(sentenceGives('count', 'Youth workers: see minute C048/23 and Min 28 24/25.', q)).toBe(false);
    // A count that answers the thing counted earlier in the sentence, closing it.
    expect(
      sentenceGives('count', 'Members asked how many youth workers the grant would fund and were told 12.', q),
    ).toBe(true);
    expect(sentenceGives('count', 'The youth workers were thanked for hosting the visit in room 12.', q)).toBe(false);
    // A sum in any currency is money, not a count; a number of millions of things still counts.
    expect(sentenceGives('count', 'Youth workers were given $1,200 each for training.', q)).toBe(false);
    expect(sentenceGives('count', 'Youth workers were given €1,200 each for training.', q)).toBe(false);
    const visitors = asked('How many visitors were there at the festival?');
    expect(sentenceGives('count', 'The festival drew 3 million visitors in 2024.', visitors)).toBe(true);
    // An acronym counts by its long form.
    const fgc = asked('how many FGCs got funded?');
    expect(sentenceGives('count', '£234,600 had been awarded to provide 102 Family Group Conferences.', fgc)).toBe(
      true,
    );
  });

  it('what a "how many" counts, asked first, last or not at all', () => {
    expect(readQuestion('how many youth workers are there?').counted).toEqual(['youth', 'worker']);
    expect(readQuestion('knife crime offences in the county - how many?').counted).toEqual([
      'knife',
      'crime',
      'offenc',
      'counti',
    ]);
    expect(readQuestion('how many did the travel training last year?').counted).toEqual([]);
    // The long form typed, the acronym the minutes count by.
    const glossary = new Glossary();
    glossary.learn('There were 103 Unaccompanied Asylum Seeking Children (UASC) in the care of the Council.');
    const uasc = readQuestion('how many unaccompanied asylum seeking children are there?', { glossary });
    expect(uasc.counted).toContain('uasc');
    expect(
      sentenceGives('count', 'There were currently 103 UASC in the care of the Council.', {
        counted: uasc.counted,
        questionStems: new Set(),
      }),
    ).toBe(true);
  });

  it('money, shares, dates, closures and votes', () => {
    const none = { counted: [], questionStems: new Set<string>() };
    expect(sentenceGives('money', 'The budget was £330.9m in total.', none)).toBe(true);
    expect(sentenceGives('money', 'Spending rose by 12% in 2021/22.', none)).toBe(false);
    expect(sentenceGives('share', 'Almost 98% of care leavers stayed in touch.', none)).toBe(true);
    expect(sentenceGives('date', 'The visit was postponed until May 2021.', none)).toBe(true);
    expect(sentenceGives('date', 'New schools would be built in the medium to long term.', none)).toBe(false);
    // A sentence that says its date is still to be set answers no "when", whatever else it dates.
    const toBeSet =
      'The plan was filed on February 28, and a joint workshop on the depot will follow in June (date to be set).';
    expect(sentenceGives('date', toBeSet, none)).toBe(false);
    expect(sentenceGives('date', 'The hearing date is TBC.', none)).toBe(false);
    expect(sentenceGives('closure', 'The centre closed in March.', none)).toBe(true);
    expect(sentenceGives('closure', 'Members worked closely with the centre.', none)).toBe(false);
    expect(sentenceGives('vote', 'The motion was carried unanimously.', none)).toBe(true);
    // Roll calls and tallies, as North American minutes record them.
    expect(sentenceGives('vote', 'AYES: Ortiz, Lee, Brandt. NAYS: Chen. ABSENT: None.', none)).toBe(true);
    expect(sentenceGives('vote', 'Motion passed 5 in favor, 2 opposed.', none)).toBe(true);
    expect(sentenceGives('vote', 'The ordinance was adopted on a 4-1 vote.', none)).toBe(true);
    // Counts of hands, of people standing and of ballots, as town meetings record them.
    expect(sentenceGives('vote', 'Standing count: Yes 188, No 41.', none)).toBe(true);
    expect(sentenceGives('vote', 'Ballot result: Yes 121, No 148. The article failed.', none)).toBe(true);
    expect(sentenceGives('vote', 'Agreed on a show of hands.', none)).toBe(true);
    expect(sentenceGives('vote', 'No 4 Mill Lane was said to be empty.', none)).toBe(false);
    // A ballot of young people's issues is no vote of the meeting's.
    expect(sentenceGives('vote', 'It drew on a national youth ballot of issues.', none)).toBe(false);
    expect(sentenceGives('vote', 'Moved by Councillor Wilkes. CARRIED', none)).toBe(false);
    expect(sentenceGives('vote', 'Members discussed the ordinance at length.', none)).toBe(false);
  });

  it('a bare ask read after its filler', () => {
    expect(readQuestion('foster carer allowance per week? thx').facets).toEqual(['money']);
  });

  it('an office asked with its qualifiers, typed short', () => {
    expect(readQuestion('quick one - whos the indep chair of the LSCB?').facets).toEqual(['holder']);
    expect(readQuestion('whos the joint strategic director for SC&E').facets).toEqual(['holder']);
    expect(readQuestion('who was the applicant').facets).toEqual(['person']);
  });

  it('a holder by name beside the office asked, and no capitalised small word as a person', () => {
    const read = readQuestion('Who was elected Vice-Chairman of the parish council?');
    expect(read.offices.flat()).toEqual(expect.arrayContaining(['vice', 'chairman']));
    const asked = { counted: [], questionStems: new Set<string>(), offices: read.offices };
    // The chairman's election names someone, but not the vice-chairman asked for.
    expect(sentenceGives('holder', 'It was resolved that Ann Marsh be appointed as the Chairman.', asked)).toBe(false);
    expect(sentenceGives('holder', 'It was resolved that Ann Marsh be Vice-Chairman for the year.', asked)).toBe(true);
    const none = { counted: [], questionStems: new Set<string>() };
    expect(sentenceGives('person', 'RESOLVED – That the application be refused.', none)).toBe(false);
    expect(sentenceGives('person', 'RESOLVED – That Mr Okafor be thanked.', none)).toBe(true);
  });

  it.each([
    "What was the Trust's deficit at month three?",
    'What would the total Band D police precept be after the rise?',
    'what will the new allowance for foster carers be',
  ])('"%s" asks for a sum of money', (question) => {
    expect(askedFacets(question, false)).toContain('money');
  });

  it('an inspection grade, not any praise', () => {
    const none = { counted: [], questionStems: new Set<string>() };
    expect(askedFacets('What overall grade did Ofsted give children’s social care in 2019?', false)).toEqual([
      'rating',
    ]);
    expect(askedFacets('how was the care home rated by the CQC', false)).toEqual(['rating']);
    expect(askedFacets('What did Ofsted find?', false)).toEqual([]);
    expect(sentenceGives('rating', 'Children’s services were judged to require improvement.', none)).toBe(true);
    expect(sentenceGives('rating', 'The home was rated Good overall.', none)).toBe(true);
    expect(sentenceGives('rating', 'Good progress had been made since 2016.', none)).toBe(false);
    expect(sentenceGives('rating', 'There were still some outstanding recommendations.', none)).toBe(false);
  });

  it('a closure, not a meeting held in private', () => {
    const none = { counted: [], questionStems: new Set<string>() };
    expect(sentenceGives('closure', 'Council resolved to close the bowl until repaired.', none)).toBe(true);
    expect(sentenceGives('closure', 'Council went into closed session to discuss land.', none)).toBe(false);
  });

  it('a person the question does not already name', () => {
    const q = asked('Who replaced Mr Ould as Lead Member?');
    expect(sentenceGives('person', 'This was Mr Ould CC’s last meeting as Lead Member.', q)).toBe(false);
    expect(sentenceGives('person', 'Mrs D. Taylor CC was appointed Lead Member.', q)).toBe(true);
    // A body's name is nobody: "Sub-Committee" is the committee's.
    const licence = asked('Who objected to the premises licence?');
    expect(sentenceGives('person', 'The Sub-Committee granted the licence with conditions.', licence)).toBe(false);
  });
});

describe('questions that ask for a meeting’s housekeeping', () => {
  it.each([
    'Who sent apologies to the March 2024 meeting?',
    'any DOIs at the sept 22 mtg?',
    'What interest did Councillor Moore declare?',
    'Were there any declarations of interest at the September 2022 meeting?',
    'which meetings minutes were confirmed at the june 2025 meeting',
    'When is the next meeting?',
    'Were any petitions received?',
    'Who was elected Deputy Chairman in June 2018?',
    'any urgent business june 24?',
  ])('"%s" does', (question) => {
    expect(readQuestion(question).procedural).toBe(true);
  });

  it.each([
    'What was said about knife crime?',
    'What are they doing about youth centres?',
    'What was the attendance at the youth centres?',
    'How did members vote on the Departmental Plan?',
  ])('"%s" does not', (question) => {
    expect(readQuestion(question).procedural).toBe(false);
  });
});

describe('the size of a change', () => {
  it.each(['By how much will mooring fees rise from April 2024?', 'how much are the fees going up by?'])(
    '"%s" asks for any figure, a share as well as a sum',
    (question) => {
      expect(askedFacets(question, false)).toEqual(['amount']);
    },
  );
});
