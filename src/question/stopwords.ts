/**
 * The one list of words that carry no topic. A question's topic is what is left when these are
 * gone; nothing scores them, so adding or dropping one never changes an answer.
 */

/** English function words. */
const FUNCTION_WORDS =
  'a about above after again against all also am an and any are as at be because been before being below between ' +
  'both but by can could did do does doing done down during each either few for from further had has have having ' +
  'he her here hers herself him himself his how i if in into is it its itself just me more most my myself neither ' +
  'no nor not now of off on once only or other our ours out over own same she should so some such than that the ' +
  'their theirs them themselves then there these they this those through to too under until up upon very was we ' +
  'were what whatever when where whether which while who whom whose why will with within without would you your ' +
  'yours shall may might must yet ever still already there thing things something anything everything someone ' +
  'anyone anybody somebody everyone everybody one ones lot lots really actually basically get gets got getting go ' +
  'goes going went gone let lets make made know knew known think see seen say says said saying tell tells told ' +
  'want wanted like many much else otherwise whenever wherever however anyway';

/**
 * What is left of a negative contraction typed with its apostrophe, as words are cut ("isn't" is
 * "isn" and "t"): an auxiliary, no topic. (Typed without it, "isnt" is written out in shorthand.ts.)
 */
const CONTRACTED_AUXILIARIES =
  'isn aren wasn weren don doesn didn hasn haven hadn won wouldn couldn shouldn mustn needn shan ain';

/**
 * Words every question about minutes uses and every minute item shares: they tell items apart not
 * at all, so "what did the committee discuss about X" is about X alone.
 */
const MINUTES_WORDS =
  'committee committees commission commissions council councils councillor councillors member members meeting ' +
  'meetings minute minutes item items agenda report reports officer officers scrutiny overview discuss discussed discussing discussion discussions talk talked talking debate debated mention ' +
  'mentioned mentions raise raised raising hear heard ask asked asking question questions answer answered reply ' +
  'replied happen happened happening decide decided decision decisions agree agreed agreement resolve resolved ' +
  'latest last recent recently previously since year years time times ago update updates news info information ' +
  'find finds finding found record recorded share whether anything stuff happen summarise summarize summary detail details ' +
  'regarding concerning re';

/**
 * Hedges: how sure the asker is, or how rough an answer will do ("2021 sometime?", "2m ish",
 * "the typical gap", "roughly how many"). They qualify what is asked without naming any of it.
 */
const HEDGES =
  'sometime sometimes roughly approximately approx around exactly precisely ish typical typically usual usually ' +
  'normally generally maybe perhaps probably possibly presumably guess reckon';

const NO_TOPIC = new Set(
  `${FUNCTION_WORDS} ${CONTRACTED_AUXILIARIES} ${MINUTES_WORDS} ${HEDGES}`.split(/\s+/).filter(Boolean),
);

/** Whether a lower-cased word carries no topic. */
export function isStopword(word: string): boolean {
  return NO_TOPIC.has(word);
}
