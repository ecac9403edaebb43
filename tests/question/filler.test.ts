import { describe, expect, it } from 'vitest';
import { readQuestion, withoutFiller } from '../../src/question/index.js';

const PLAIN = 'What was said about EHCP growth?';

describe('conversational filler is taken out before anything reads the question', () => {
  it.each([
    // Slack markup as it arrives in an event.
    ['a bot mention', `<@U07MB1234> ${PLAIN}`],
    ['a named user mention', `<@U07MB1234|minutebook> ${PLAIN}`],
    ['@channel', `${PLAIN} <!channel>`],
    ['@here with a label', `<!here|here> ${PLAIN}`],
    ['@everyone', `<!everyone> ${PLAIN}`],
    ['a user group', `<!subteam^S0123ABC|@send-team> ${PLAIN}`],
    ['a channel link', `${PLAIN} <#C0123ABC|children-services>`],
    ['a bare link', `${PLAIN} <https://example.gov.uk/ieListDocuments.aspx?MId=6181>`],
    // The same once Slack text has been made plain.
    ['plain @channel', `@channel ${PLAIN}`],
    ['plain @here and a user', `@here @jane.smith ${PLAIN}`],
    ['a plain channel name', `${PLAIN} #children-services`],
    // Greetings and forms of address.
    ['hi', `Hi, ${PLAIN}`],
    ['hey there', `hey there! ${PLAIN}`],
    ['good morning', `Good morning — ${PLAIN}`],
    ['hello with the bot name', `Hello Minutebook, ${PLAIN}`],
    // Thanks and sign-offs.
    ['thanks!', `${PLAIN} Thanks!`],
    ['thank you so much', `${PLAIN} Thank you so much`],
    ['thx', `${PLAIN} thx`],
    ['cheers with a name', `${PLAIN} Cheers, Sarah`],
    ['many thanks in advance', `Many thanks in advance! ${PLAIN}`],
    // Politeness.
    ['please', `Please, ${PLAIN}`],
    ['could you tell me', 'Could you please tell me what was said about EHCP growth?'],
    ['would you mind telling me', 'Would you mind telling me what was said about EHCP growth? Thank you!'],
    ['can you let me know', 'Can you let me know what was said about EHCP growth, please?'],
    ["I'd be grateful", "I'd be grateful if you could tell me what was said about EHCP growth."],
    ['quick one', `quick one - ${PLAIN} thx`],
    ['pls', `${PLAIN} pls`],
    // Requests as people put them: to someone, to anyone, or as a question of their own.
    ['would you be able to find out', 'Would you be able to find out what was said about EHCP growth?'],
    ['would you mind looking up', 'Would you mind looking up what was said about EHCP growth?'],
    ['can I ask', 'Can I ask what was said about EHCP growth?'],
    ['does anyone happen to know', 'Does anyone happen to know what was said about EHCP growth?'],
    ['any1 know', 'any1 know what was said about EHCP growth'],
    ["I'd be grateful if you could check", "I'd be grateful if you could check what was said about EHCP growth"],
    ['could someone dig out', 'could someone dig out what was said about EHCP growth'],
    // Chat shorthand around the question, and a remark after it that says why it is asked.
    ['fyi and asap', `fyi ${PLAIN} asap`],
    ['afaik and tbh', `tbh ${PLAIN} afaik`],
    ['lmk', `${PLAIN} lmk`],
    ['ta', `${PLAIN} ta`],
    ['an aside after the question', `${PLAIN} need it for a briefing`],
    // "Now" said at length: what the minutes say is dated in the reply anyway.
    ['these days', 'what was said about EHCP growth these days'],
    ['so far', 'what was said about EHCP growth so far?'],
    ['at the moment and rn', 'at the moment, what was said about EHCP growth rn'],
    // Emoji: shortcodes and pictographs, with skin tones and joiners.
    ['a shortcode', `:wave: ${PLAIN} :tada:`],
    ['pictographs', `👋🏽 ${PLAIN} 🙏`],
    ['an emoticon', `${PLAIN} :)`],
  ])('%s', (_kind, asked) => {
    const plain = withoutFiller(asked)
      .toLowerCase()
      .replace(/[?.!]+$/, '');
    expect(plain).toBe('what was said about ehcp growth');
  });

  it('keeps what follows the question mark when it is a question, a date or more than an aside', () => {
    expect(withoutFiller('What was said about EHCPs? And about SEND?')).toBe(
      'What was said about EHCPs? And about SEND?',
    );
    expect(withoutFiller('What was said about EHCPs? 2022 only')).toBe('What was said about EHCPs? 2022 only');
    expect(withoutFiller('What was said about EHCPs? when was it last on the agenda?')).toBe(
      'What was said about EHCPs? when was it last on the agenda?',
    );
  });

  it('keeps the words that carry the question, and says nothing is left when only filler was sent', () => {
    expect(withoutFiller('thanks! :+1:')).toBe('');
    expect(withoutFiller('Please list the members of the Schools Forum')).toBe('list the members of the Schools Forum');
    // "Ta" and "cheers" as words of the question are left alone when they are not a sign-off.
    expect(withoutFiller('What did Mr Tatum say?')).toBe('What did Mr Tatum say?');
  });

  it('reads a request for a thing itself as asking what it is, and a request about a topic as the topic', () => {
    expect(withoutFiller('Could you please tell me the harbour dues increase for 2023? Thanks.')).toBe(
      'what is the harbour dues increase for 2023?',
    );
    expect(withoutFiller("pls confirm the total for the pier lights, I'd like it for a briefing")).toMatch(
      /^what is the total for the pier lights\b/,
    );
    expect(withoutFiller("I'd like to know the cost of the footbridge")).toBe('what is the cost of the footbridge');
    expect(withoutFiller('Can you tell me about the library closures please')).toBe('the library closures');
    expect(withoutFiller('Could you tell me how many bids came in?')).toBe('how many bids came in?');
    // Read as the plain question is: asking for the increase, so an item without it does not answer.
    expect(readQuestion('Could you please tell me the harbour dues increase for 2023?').facets).toEqual(
      readQuestion('What was the harbour dues increase for 2023?').facets,
    );
  });

  it('reads the same topic, dates and intent whatever the wrapping', () => {
    const plain = readQuestion('What was said about knife crime since 2019?');
    for (const asked of [
      '<@U07MB1234> hey, what was said about knife crime since 2019? <!channel> thanks!',
      'Hi! Could you tell me what was said about knife crime since 2019, please? 🙏',
      ':wave: hello there - what was said about knife crime since 2019? cheers',
    ]) {
      const read = readQuestion(asked);
      expect(read.concepts.map((c) => c.word)).toEqual(plain.concepts.map((c) => c.word));
      expect(read.dates.filters).toEqual({ after: '2019-01-01' });
      expect(read.history).toBe(true);
    }
  });
});
