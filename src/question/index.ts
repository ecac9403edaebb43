/**
 * Reading a question: the one place that knows how people ask and what they mean. Retrieval and
 * answering import from here and nowhere else for words, stems, stopwords, dates in questions,
 * acronyms, history questions and what is being asked for.
 */
export { type Concept, conceptsOf, type DocTerms, docTerms, mentions } from './concepts.js';
export { datePhrases, type QuestionDates, readQuestionDates, withinDates, withoutDatePhrases } from './dates.js';
export { type Asked, askedOf, saysAnyOf, sentenceGives } from './evidence.js';
export { withoutFiller } from './filler.js';
export { Glossary } from './glossary.js';
export { askedFacets, asksForProcedure, type Facet, isHistoryQuestion } from './intent.js';
export { councilAskedOf, type KnownNames, namesOfCouncil, topicBesideCouncilNames, unknownBodyNamed } from './names.js';
export {
  namesAnotherPeriod,
  namesPeriodAsked,
  namesPeriodOfKind,
  type PeriodKind,
  type Periods,
  periodsNamed,
  withoutMeetingMonth,
} from './periods.js';
export { type Question, type QuestionContext, type ReadConcept, readQuestion } from './reader.js';
export { type RecordAsk, readRecordAsk } from './records.js';
export { stem, stemSet, stems, topicStems } from './stem.js';
export { isStopword } from './stopwords.js';
export { correctTypo, readSlip, type Slip, type Vocabulary } from './typos.js';
export { wordClasses } from './word-class.js';
export { foldCase, tokenize } from './words.js';
