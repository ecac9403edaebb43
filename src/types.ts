import type { Question } from './question/reader.js';

/**
 * Minutebook's shared vocabulary: the domain model every part speaks, and the small interfaces at
 * the seams (anything that touches disk, network or a model). Adapters implement the interfaces;
 * the defaults are chosen in one place (`src/defaults.ts`).
 */

// ---------------------------------------------------------------------------------------------
// Domain: meetings, minute items, passages
// ---------------------------------------------------------------------------------------------

/**
 * How a minute number came to be known: printed at the item, recovered from an anchor in the text
 * and the running sequence, or `none` — the minutes print no number for it (the item is still kept).
 */
export type NumberSource = 'printed' | 'recovered' | 'none';

/**
 * What part of the minutes an item is: business (`item`), or the text around it that is kept so
 * nothing is lost — the lead before the first item (`preamble`: title, venue, notices), the
 * attendance list (`attendance`) and the signing-off after the last item (`closing`).
 */
export type MinuteItemKind = 'item' | 'preamble' | 'attendance' | 'closing';

/** One numbered minute item of a meeting, as parsed. */
export interface MinuteItem {
  /** The number exactly as the committee prints it ("76", "C61/24", "77/21", "5.2"), or null. */
  minute: string | null;
  /** The running integer inside `minute` (76 for "C61/24" is 61), or null where there is none. */
  minuteNumber: number | null;
  /** Whether the number was printed at the item, recovered from anchors and sequence, or none; null for unknown. */
  numberSource: NumberSource | null;
  /** Business, or the lead, attendance or closing text kept around it; absent means `item`. */
  kind?: MinuteItemKind;
  title: string;
  /** True when the text lost the title and this one was derived from the item's opening words. */
  titleDerived: boolean;
  /** The "Agenda Item N" report reference, which is not the minute number. */
  agendaItem: number | null;
  /** Housekeeping items (apologies, declarations, urgent items: none) that retrieval down-weights. */
  procedural: boolean;
  /** The minute's full text, whitespace normalised. */
  text: string;
  /** "RESOLVED:" / "AGREED:" blocks, each as one string. */
  resolutions: string[];
  /** Labels of the numbered sub-points in the order they appear ("i", "ii", "a"). */
  points: string[];
  /** A deep link to the item itself where the source gives one (ModernGov `mgAi.aspx?ID=`). */
  url: string | null;
  /** Exempt or confidential items are recorded by title only. */
  restricted: boolean;
  passages: Passage[];
}

/** A retrievable piece of one minute item: never spans two items. */
export interface Passage {
  text: string;
  /** Sub-point labels this passage covers, so a citation can name the point. */
  points: string[];
}

/** One meeting's minutes, as parsed from one source. */
export interface Meeting {
  council: string | null;
  committee: string | null;
  /** ISO date (YYYY-MM-DD), or null when neither the text nor a manifest gives it. */
  date: string | null;
  /** Start time as printed ("2.00 pm"), when given. */
  startTime: string | null;
  venue: string | null;
  chair: string | null;
  attendees: string[];
  /** Where the minutes came from: a file path or URL. Identifies the meeting in the index. */
  source: string;
  /** Public page of the meeting, for citation links. */
  url: string | null;
  items: MinuteItem[];
  /** Things the parser could not settle and the user should know (e.g. "no date found"). */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Retrieval and answers
// ---------------------------------------------------------------------------------------------

/** Narrowing of a search: every field optional, all given ones must hold. */
export interface SearchFilters {
  /** ISO date, inclusive. */
  after?: string;
  /** ISO date, inclusive. */
  before?: string;
  /** Case-insensitive substring of the committee name. */
  committee?: string;
  /** Case-insensitive substring of the council name. */
  council?: string;
  /** Exactly one meeting: the source it was indexed from (topic alerts match one meeting at a time). */
  source?: string;
}

/** A minute item found for a question, with the passages that earned it its place. */
export interface SearchHit {
  score: number;
  council: string | null;
  committee: string | null;
  date: string | null;
  minute: string | null;
  minuteNumber: number | null;
  title: string;
  /** Sub-point labels of the best evidence passages. */
  points: string[];
  /** The item's text. */
  text: string;
  /** The item's deep link if known, else the meeting's page. */
  url: string | null;
  procedural: boolean;
  /**
   * How close the item's best passage is to the question in meaning alone (cosine similarity, on
   * the reference model's scale: src/embed/models.ts); absent when there is no vector half.
   */
  similarity?: number;
  /** Best passages of this item for the question, best first. */
  evidence: Array<{ passageId: number; text: string; points: string[]; score: number }>;
}

/** What a search covered, for "not in the minutes" answers and the Slack footer. */
export interface SearchScope {
  meetings: number;
  from: string | null;
  to: string | null;
  committees: string[];
  councils: string[];
  filters: SearchFilters;
  /** True when filters were read out of the question itself. */
  filtersFromQuestion: boolean;
  /** True when the council filter is the default council (MINUTEBOOK_COUNCIL), not one asked for. */
  councilByDefault?: boolean;
  /** True when the vector half was unavailable and only keywords were used. */
  keywordOnly: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  scope: SearchScope;
  /** How the retriever read the question (filler, shorthand, typos, dates, topic), when it says. */
  question?: Question;
}

export interface Citation {
  n: number;
  council: string | null;
  committee: string | null;
  date: string | null;
  minute: string | null;
  minuteNumber: number | null;
  title: string;
  points: string[];
  url: string | null;
  /** The passage text the citation rests on. */
  quote: string;
  /** For an answer from records: the kind of record the citation rests on (a decision, a vote…). */
  record?: RecordKind;
  /** True when the cited meeting's minutes are not yet confirmed by a later meeting ("draft minutes"). */
  draft?: boolean;
}

export type AnswerMode = 'llm' | 'extractive' | 'not_found';

/**
 * Why a configured model's answer was not used: it took too long, could not be used at all (down,
 * refused the request, sent nothing), cited none of its passages, or said what they do not bear out.
 */
export type FallbackCode = 'timeout' | 'unavailable' | 'uncited' | 'unsupported';

export interface Answer {
  question: string;
  mode: AnswerMode;
  /** Plain text with [n] markers that refer to `citations`. */
  answer: string;
  citations: Citation[];
  searched: { meetings: number; from: string | null; to: string | null; committees: string[] };
  /** Set when an LLM was configured but the answer fell back to extractive, and why (for people). */
  fallbackReason?: string;
  /** The same, as one of a few stable codes (for metrics and programs); set with `fallbackReason`. */
  fallbackCode?: FallbackCode;
  /** The standalone question actually searched, when a follow-up was rewritten using the thread. */
  interpretedAs?: string;
}

/** A turn of an earlier conversation (a Slack thread), oldest first. */
export interface ConversationTurn {
  role: 'user' | 'assistant';
  text: string;
}

export interface AskOptions {
  filters?: SearchFilters;
  /** Earlier turns, used to understand follow-ups like "and in 2022?". */
  history?: ConversationTurn[];
  signal?: AbortSignal;
  /**
   * Called with the model's answer so far, each time more of it arrives, for a front end that shows
   * the answer as it is written. The draft is unchecked model text: show it as untrusted text and
   * replace it with the answer `ask` returns, which is the only checked one.
   */
  onDraft?: (draft: string) => void;
}

/** What the front ends (CLI, Slack) need from the answering core. */
export interface Answerer {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

/** What is indexed, for `stats` and the Slack App Home. */
export interface IndexStats {
  councils: string[];
  committees: string[];
  meetings: number;
  items: number;
  passages: number;
  from: string | null;
  to: string | null;
  /** Embedding model id, or null for an index built keyword-only. */
  model: string | null;
  dimensions: number | null;
}

// ---------------------------------------------------------------------------------------------
// Seams
// ---------------------------------------------------------------------------------------------

/** Turns text into unit-length vectors. One implementation per model family, chosen by config. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Embeds passages for the index (no query prefix), batched internally. */
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  /** Embeds a search query, with whatever prefix the model wants for queries. */
  embedQuery(text: string): Promise<Float32Array>;
}

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A JSON schema the reply must follow (OpenAI's `response_format: { type: "json_schema" }`). */
export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
}

export interface ChatOptions {
  signal?: AbortSignal;
  /** Cap on the reply's tokens, at most the configured cap. */
  maxTokens?: number;
  /** Ask for a reply in this JSON shape; sent only while `ChatModel.structuredOutput` holds. */
  jsonSchema?: JsonSchemaFormat;
  /** Strings at which the model stops (a prompt echo, the data delimiter). */
  stop?: string[];
  /**
   * Called with the reply so far (reasoning removed) as it streams. Returning `'stop'` ends the
   * reply there: the connection is closed, so the server stops generating, and the text so far is
   * returned.
   */
  onText?: (soFar: string) => 'stop' | undefined;
}

/** An OpenAI-compatible chat model. */
export interface ChatModel {
  readonly modelId: string;
  /** Whether a JSON schema can be asked for: configured, and false once the endpoint refused one. */
  readonly structuredOutput: boolean;
  /** The reply's text, with any `<think>` reasoning removed. */
  complete(messages: ChatMessage[], options?: ChatOptions): Promise<string>;
}

/** A document as fetched or read, before parsing. */
export interface SourceDocument {
  /** File path or URL: the identity of the meeting in the index. */
  source: string;
  bytes: Uint8Array;
  /** Metadata known from outside the text (manifest, ModernGov web service). */
  hints?: Partial<Pick<Meeting, 'council' | 'committee' | 'date' | 'url' | 'startTime' | 'venue'>>;
}

/** Somewhere minutes come from: a folder of files, a ModernGov site. */
export interface MinutesSource {
  /** Yields meetings ready to index; a failure of one document is reported, not thrown. */
  meetings(): AsyncIterable<{ source: string; meeting?: Meeting; error?: Error }>;
}

/** How a question is searched. */
export interface RetrieveOptions {
  filters?: SearchFilters;
  k?: number;
  signal?: AbortSignal;
  /**
   * The council questions are asked of unless `filters` or the question name another
   * (MINUTEBOOK_COUNCIL): a council name or part of one, as `filters.council`.
   */
  defaultCouncil?: string;
}

/** Finds the minute items that answer a question. */
export interface Retriever {
  search(question: string, options?: RetrieveOptions): Promise<SearchResult>;
  stats(): Promise<IndexStats>;
  /** The meetings within `filters`, oldest first, with what was read out of their minutes. */
  records(filters?: SearchFilters, options?: RecordReadOptions): Promise<RecordedMeeting[]>;
}

// ---------------------------------------------------------------------------------------------
// Records: what the minutes decided, whether they are confirmed, who was there, how votes went.
// Read out of a parsed Meeting by `ingest/extract/`; answered from by `src/records/`.
// ---------------------------------------------------------------------------------------------

/**
 * Where in a meeting a record was read: the item (by its position in `Meeting.items`, which is
 * stable for the same text) and its printed minute number. `itemIndex` is null for what the
 * meeting's header says (the PRESENT list of printed minutes).
 */
export interface RecordAnchor {
  itemIndex: number | null;
  minute: string | null;
}

/**
 * What a decision did. `recommended` sends the matter to another body (Cabinet, Council, a
 * commission); `noted` receives something without deciding on it.
 */
export type DecisionKind = 'resolved' | 'agreed' | 'recommended' | 'deferred' | 'refused' | 'noted';

/** One decision of an item: one resolution, or one lettered/numbered point of it. */
export interface Decision {
  at: RecordAnchor;
  /** The sub-point label as printed ("a", "ii", "1"), or null when the resolution has none. */
  label: string | null;
  kind: DecisionKind;
  /** The decision's words, without the marker and the label ("That the report be noted"). */
  text: string;
  /** The marker as printed ("RESOLVED", "AGREED", "DECIDED", "RECOMMENDED"), or null where there was none or it was lost. */
  marker: string | null;
  /** For `recommended`: the body it goes to ("Cabinet"), when named. */
  to: string | null;
  /** For `deferred`: until when, as the minutes put it ("the next meeting", "a site inspection"), when said. */
  until: string | null;
}

/** A later meeting's confirmation (or not) of earlier minutes. */
export interface Confirmation {
  at: RecordAnchor;
  /**
   * ISO dates of the meetings whose minutes were dealt with. Empty when the minutes say only "the
   * previous meeting": the store resolves that to the committee's last meeting before this one.
   */
  meetingDates: string[];
  /** Whose minutes, when the sentence names the body ("of the Planning Committee"); null means this meeting's own committee. */
  committee: string | null;
  /** `confirmed` (as a correct record, signed, approved, adopted) or `not_confirmed` (deferred, laid over, rejected). */
  outcome: 'confirmed' | 'not_confirmed';
  /** An amendment the confirmation was made subject to, as printed. */
  subjectTo: string | null;
  /** The sentence that says so. */
  text: string;
}

/** In what capacity someone was at a meeting. */
export type AttendanceCapacity = 'chair' | 'vice-chair' | 'member' | 'substitute' | 'attending' | 'officer' | 'public';

/** One person's attendance at one meeting, or their apologies or absence. */
export interface Attendance {
  at: RecordAnchor;
  /** The name as printed ("Mrs. H. J. Fryer CC", "Councilmember Ryan"). */
  name: string;
  presence: 'present' | 'apologies' | 'absent';
  capacity: AttendanceCapacity;
  /** The role printed beside the name ("Lead Member for Children and Families", "City Manager"). */
  role: string | null;
  /** For a substitute: the member they stood in for, as printed. */
  substituteFor: string | null;
  /**
   * `list`: an attendance list or apologies sentence says so; `participation`: the minutes show
   * them taking part (declaring an interest, asking, moving), which only proves presence.
   */
  evidence: 'list' | 'participation';
}

/** A change of office: elected or appointed to a role, or leaving one. */
export interface RoleChange {
  at: RecordAnchor;
  /** The person as printed. */
  person: string;
  /** The role as printed ("Chairman", "Deputy Chairman", "Lead Member for Children and Family Services"). */
  role: string;
  /** The role read: chair and vice-chair (and their synonyms) are what "who chaired" asks about. */
  office: 'chair' | 'vice-chair' | 'other';
  /** The body whose office it is, when the minutes name one ("the Council"). */
  body: string | null;
  change: 'appointed' | 'ceased';
  /** ISO date it holds from: the meeting's date unless the minutes give another ("with effect from"). */
  from: string | null;
  /** Until when, as printed ("the Annual Meeting of the County Council in 2019"). */
  until: string | null;
  /** True when the office was for this meeting only ("Vice Chairman for the meeting"). */
  thisMeetingOnly: boolean;
}

/** A vote as the minutes record it. */
export interface Vote {
  at: RecordAnchor;
  /** What was put to the vote, as printed (the motion, or the resolution it produced). */
  motion: string;
  outcome: 'carried' | 'lost';
  /** Carried with no vote against and no abstention ("unanimously", "carried unanimously"). */
  unanimous: boolean;
  counts: { for: number | null; against: number | null; abstain: number | null } | null;
  /** Who voted which way, where the minutes name them ("Ayes: …", "There voted for: …"). */
  named: { for: string[]; against: string[]; abstain: string[] } | null;
  movedBy: string | null;
  secondedBy: string | null;
  /** Who gave a casting vote, when one decided it. */
  castingVote: string | null;
}

/** An item naming a person: what "what has Cllr X said about Y?" is answered from. */
export interface PersonMention {
  at: RecordAnchor;
  name: string;
}

/** Everything read out of one meeting's minutes beyond its items. */
export interface MeetingRecords {
  decisions: Decision[];
  confirmations: Confirmation[];
  attendance: Attendance[];
  roleChanges: RoleChange[];
  votes: Vote[];
  mentions: PersonMention[];
  /** What the minutes say of themselves ("DRAFT", "Adopted minutes"), when they say it. */
  ownStatus: { status: 'draft' | 'confirmed'; text: string } | null;
}

/** Which kind of record a citation rests on. */
export type RecordKind = 'decision' | 'confirmation' | 'attendance' | 'role' | 'vote' | 'mention';

/** One part of a meeting's records, by its field. */
export type RecordPart = keyof MeetingRecords;

/** What to read of the records of meetings. */
export interface RecordReadOptions {
  /** The parts wanted; the others come back empty. All when absent. */
  parts?: RecordPart[];
  /** Whether to read the meetings' items too (text and titles, without passages). Default true. */
  items?: boolean;
}

/** A meeting together with what was read out of its minutes: the unit records answers work on. */
export interface RecordedMeeting {
  meeting: Meeting;
  records: MeetingRecords;
}
