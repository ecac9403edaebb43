/**
 * Conversational filler: what people wrap a question in when they talk to a colleague — greetings,
 * thanks, "please", "could you tell me", Slack mentions, emoji. None of it says what the question
 * is about, so it is taken out before anything reads or scores the question.
 */

/** Slack's own markup as it arrives in an event: mentions, broadcasts, channel links, links, dates. */
const SLACK_MARKUP: Array<[RegExp, string]> = [
  [/<!date\^[^|>]*\|([^>]*)>/g, '$1'],
  [/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1'],
  [/<(?:@|#|!)[^>]*>/g, ' '],
  [/<(?:https?|mailto):[^>]*>/g, ' '],
];

/**
 * The same markup once Slack text has been made plain ("@channel", "@jane", "#general"), bare
 * links, emoji shortcodes (":tada:", "::skin-tone-2:") and pictographs.
 */
const PLAIN_MARKUP: RegExp[] = [
  /(?<![\p{L}\p{N}])@[\p{L}\p{N}._-]+/gu,
  /(?<![\p{L}\p{N}&])#\p{L}[\p{L}\p{N}_-]*/gu,
  /\bhttps?:\/\/\S+/g,
  /:{1,2}[a-z0-9_+-]+:/g,
  // Pictographs one code point at a time, with what joins and colours them.
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3}/gu,
  // Emoticons standing alone: ":)", ":-D", ";)", "<3".
  /(?<=^|\s)(?:[:;=8][-'^]?[)(DPpO3/\\|*]+|<3)(?=\s|$|[,.!?])/g,
];

/** Greetings and forms of address, at the start (after any mention). */
const GREETING =
  /^(?:(?:hi|hello|hey|hiya|heya|howdy|yo|greetings|morning|afternoon|evening|good (?:morning|afternoon|evening|day)|g'?day|dear)(?:\s+(?:there|all|everyone|team|folks|guys|y'?all|again|minutebook|bot))*\b[\s,!.:;–—-]*)+/i;

/** A sign-off naming the asker after thanks ("Cheers, Sarah"): case matters, so it is read first. */
const SIGN_OFF = /\b(?:[Tt]hanks|[Tt]hank you|[Cc]heers|[Tt]a|[Tt]hx)[!.,]*\s+\p{Lu}\p{Ll}+[!.]*\s*$/u;

/** Thanks, wherever they come. */
const THANKS =
  /\b(?:(?:many|huge|big)\s+(?:thanks|thank\s*you)|thanks|thank\s*you|thankyou|thx|thnx|thnks|tnx|ty|tia|cheers|ta)(?:\s+(?:so|very)\s+much|\s+a\s+lot|\s+in\s+advance|\s+again|\s+for\s+(?:your|the)\s+help)?(?:\s+(?:all|everyone|team))?\b[!.,]*(?=\s*$|[\s,.!?])/gi;

/**
 * What people ask another to do for them, in the base and "-ing" forms ("tell me", "checking",
 * "find out", "look up", "dig out"): with "could you", "would you mind", "I'd be grateful if you
 * could" before it, the whole is a request wrapped round the question.
 */
const REQUEST =
  String.raw`(?:(?:tell|telling|let|letting|remind|reminding|show|showing|give|giving|send|sending)\s+(?:me|us)(?:\s+know)?|` +
  String.raw`(?:double[-\s]?)?(?:check|checking|confirm|confirming)|(?:find|finding|dig|digging|pull|pulling|look|looking|search|searching)(?:\s+(?:out|up|into|for))?|` +
  String.raw`summari[sz]e|summari[sz]ing|explain|explaining|list|listing|clarify|clarifying|help\s+(?:me|us)(?:\s+(?:find|with))?)`;

/** Who a request is put to, as typed: "you", "u", "someone", "any1". */
const ASKED = '(?:you|u|ya|someone|somebody|some1|anyone|anybody|any1)';

/**
 * A request for a thing itself ("could you tell me the precept for 2024", "please confirm the
 * total", "I'd like to know the cost"): the same as asking what it is, so it is read as "what is the
 * precept for 2024". Only taking the request away would leave a bare topic, which asks for no figure.
 */
const REQUEST_FOR_A_THING = new RegExp(
  String.raw`\b(?:(?:could|can|would|will)\s+${ASKED}\s+)?(?:(?:please|pls|plz|possibly|just|kindly)\s+)*(?:(?:tell|give|send|remind)\s+(?:me|us)|let\s+(?:me|us)\s+know|confirm|I'?d\s+(?:like|love)\s+to\s+know)\s+(?=(?:the|its|their|our|this|these|those)\s)`,
  'gi',
);

/** Phrases that ask for the answer politely without adding to what is asked. */
const POLITE_FRAMES: RegExp[] = [
  new RegExp(
    String.raw`\b(?:could|can|would|will)\s+${ASKED}\s+(?:please\s+|pls\s+|possibly\s+|just\s+|kindly\s+|quickly\s+|be\s+able\s+to\s+)*${REQUEST}(?:\s+(?:for\s+me|for\s+us))?(?:\s+(?:on|about|whether|if))?\b[,:]?`,
    'gi',
  ),
  new RegExp(
    String.raw`\bwould\s+${ASKED}\s+(?:mind|be\s+able\s+to)\s+(?:please\s+)?${REQUEST}(?:\s+(?:on|about|whether|if))?\b[,:]?`,
    'gi',
  ),
  new RegExp(
    String.raw`\bI'?d\s+be\s+(?:really\s+|very\s+|so\s+)?grateful\s+if\s+${ASKED}\s+could(?:\s+${REQUEST})?(?:\s+(?:whether|if))?\b[,:]?`,
    'gi',
  ),
  // "Can I ask how many…", "may I just check…".
  /\b(?:can|could|may)\s+(?:I|we)\s+(?:just\s+)?(?:ask|check|confirm)(?:\s+(?:whether|if))?\b[,:]?/gi,
  /\bI'?d\s+(?:like|love)\s+to\s+know\b[,:]?/gi,
  /\bI\s+(?:was|am|'m)\s+(?:just\s+)?wondering(?:\s+if)?\b[,:]?/gi,
  /\b(?:just\s+)?(?:wondering|checking)\b[,:]?/gi,
  // "Do you know…", "does anyone happen to know…", "any1 remember…".
  new RegExp(
    String.raw`\b(?:(?:do|does|did)\s+)?${ASKED}\s+(?:happen\s+to\s+)?(?:know|knows|remember|remembers|recall|recalls)(?:\s+(?:whether|if))?\b[,:]?`,
    'gi',
  ),
  /\bany\s+idea(?:s)?\b[,:]?/gi,
  /\b(?:quick|random|silly)\s+(?:one|question|q)\b[\s,:;–—-]*/gi,
  /\bqq\b[\s,:;–—-]*/gi,
  /\bsorry\s+to\s+bother\s+(?:you|u)\b[,.!]*/gi,
  /\bhope\s+(?:you(?:'re|\s+are)|u\s+r)\s+(?:well|ok|good)\b[,.!]*/gi,
  /\b(?:if\s+possible|if\s+you\s+can|when\s+you\s+(?:get|have)\s+a\s+(?:chance|moment|sec(?:ond)?|minute))\b[,.!]*/gi,
  /\b(?:much\s+appreciated|appreciate\s+(?:it|your\s+help))\b[,.!]*/gi,
  /\b(?:please|pls|plz|pleas+e|kindly)\b[,]?/gi,
  // Chat shorthand that frames a question rather than saying what it is about.
  /\b(?:lol|tbh|fyi|btw|afaik|iirc|imo|imho|fwiw|ngl|obvs|asap|lmk|idk|erm+|um+|hmm+)\b[,.!]*/gi,
  /\bminutebook\b[,:]?/gi,
  // "Now" said at length: the minutes answer as of their meetings, and the reply dates every answer.
  /\b(?:these\s+days|nowadays|so\s+far|as\s+yet|at\s+the\s+moment|atm|right\s+now|rn|at\s+present|currently|as\s+(?:it|things)\s+stands?)\b[,]?/gi,
];

/**
 * A short remark after the question mark that says why it is asked or for whom ("… on the Baden
 * trail? need it for a briefing", "… uniform costs? parents asking"), not what about. Not a
 * second question, a date ("… in 2022? 2023 too"), or anything longer than a few words.
 */
const ASIDE_AFTER_QUESTION =
  /^(.*\?)\s+(?!(?:and|or|also|but|what|who|whom|whose|when|where|why|how|which|is|are|was|were|did|does|do|can|could|will|would|has|have|had|in|on|at|since|before|after|from|during|between|until)\b)((?:[^\s?\d]+\s*){1,5})$/i;

/**
 * The question without its conversational wrapping: Slack markup and mentions, emoji, greetings,
 * thanks and politeness are removed; what remains is the question as it would be asked plainly.
 * Returns an empty string when there was nothing but filler.
 */
export function withoutFiller(text: string): string {
  let q = text;
  for (const [pattern, replacement] of SLACK_MARKUP) q = q.replace(pattern, replacement);
  q = q.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const pattern of PLAIN_MARKUP) q = q.replace(pattern, ' ');
  q = tidy(q).replace(GREETING, '');
  q = q.replace(SIGN_OFF, ' ').replace(THANKS, ' ');
  q = q.replace(REQUEST_FOR_A_THING, 'what is ');
  for (const pattern of POLITE_FRAMES) q = q.replace(pattern, ' ');
  q = tidy(tidy(q).replace(GREETING, ''));
  return q.replace(ASIDE_AFTER_QUESTION, '$1');
}

/** Spacing and stray punctuation left where filler was taken out. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([?.!,;:])/g, '$1')
    .replace(/[,;:]+([?.!])/g, '$1')
    .replace(/([?!.,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/^[\s,.!;:–—-]+/, '')
    .replace(/[\s,;:–—-]+$/, '')
    .replace(/^(?:and|so|ok(?:ay)?|right)\b[,]?\s+(?=\S)/i, (m) => (/^and\b/i.test(m) ? m : ''))
    .trim();
}
