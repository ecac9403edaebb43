/**
 * The chair's and vice-chair's offices as councils name them: Chairman, Convener, Cathaoirleach,
 * Mayor, Presiding Member; Vice-Chair, Deputy Chairman, Mayor Pro Tem. One list for the parser (a
 * heading that is only the office), the record extractors (attendance notes, elections) and the
 * question reader ("who was Deputy Chairman in 2018?").
 */

const CHAIR = String.raw`(?:chair(?:man|woman|person)?|conven[eo]r|cathaoirleach|presiding(?:\s+(?:member|officer))?|president|(?:town\s+|city\s+|lord\s+)?mayor)`;
const VICE = String.raw`(?:(?:vice|deputy)[-\s]?(?:chair(?:man|woman|person)?|conven[eo]r|(?:town\s+|city\s+)?mayor|president)|mayor\s+pro\s+tem(?:pore)?)`;

/** Either office, as words in running text ("vice chair" before "chair", so the longer is read). */
export const OFFICE_WORDS = `(?:${VICE}|${CHAIR})`;

const WHOLE_VICE = new RegExp(String.raw`^(?:(?:in\s+)?the\s+)?${VICE}$`, 'i');
const WHOLE_CHAIR = new RegExp(String.raw`^(?:(?:in\s+)?the\s+)?${CHAIR}$`, 'i');

/** Which office a title names, whole ("Deputy Chairman", "the Chair", "in the Chair"), or null for any other. */
export function officeOf(title: string): 'chair' | 'vice-chair' | null {
  const text = title.trim();
  if (WHOLE_VICE.test(text)) return 'vice-chair';
  return WHOLE_CHAIR.test(text) ? 'chair' : null;
}
