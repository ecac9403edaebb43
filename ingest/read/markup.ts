/**
 * Measures markup before anything builds a tree of it: elements, nesting depth and (for Word)
 * paragraphs, in one streaming pass that keeps no document. Tree builders and the code that walks
 * their trees cost far more than this pass on hostile markup — 100 KB of unclosed nested tables
 * took over 200 s to read, 5,000 nested divs overflowed the stack — so the pass refuses such input
 * first, naming the file and the limit.
 */
import { Parser } from 'htmlparser2';
import { formatCount, type IngestLimits, limitExceeded } from '../limits.js';

export interface MarkupCounts {
  elements: number;
  /** The deepest nesting seen. */
  depth: number;
  /** Elements named `paragraphTag`, when one was given. */
  paragraphs: number;
}

export interface MarkupScanOptions {
  /** XML (Word's parts) rather than HTML: no implied end tags, names kept as written. */
  xml?: boolean;
  /** The element that is a paragraph (`w:p` in Word), counted against `maxParagraphs`. */
  paragraphTag?: string;
  /** Counts already spent on earlier parts of the same file (Word's parts share one budget). */
  spent?: MarkupCounts;
}

/**
 * A streaming pass over one file's markup that throws a LimitExceededError, naming `source`, as
 * soon as the elements, the depth or the paragraphs pass their limits. Feed it with `write`, then
 * `end`; `counts` says what it saw.
 */
export class MarkupScan {
  readonly counts: MarkupCounts;
  private open = 0;
  private readonly parser: Parser;

  constructor(
    private readonly source: string,
    private readonly limits: IngestLimits,
    options: MarkupScanOptions = {},
  ) {
    this.counts = options.spent ? { ...options.spent } : { elements: 0, depth: 0, paragraphs: 0 };
    const paragraphTag = options.paragraphTag;
    this.parser = new Parser(
      {
        onopentagname: (name) => {
          this.open++;
          this.counts.elements++;
          if (this.open > this.counts.depth) this.counts.depth = this.open;
          if (name === paragraphTag) this.counts.paragraphs++;
          this.check();
        },
        // Void and self-closed elements are closed at once (implied), so depth stays right.
        onclosetag: () => {
          this.open--;
        },
      },
      { xmlMode: options.xml === true, decodeEntities: false },
    );
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  end(): MarkupCounts {
    this.parser.end();
    return this.counts;
  }

  private check(): void {
    const { counts, limits, source } = this;
    if (counts.depth > limits.maxDepth) {
      throw limitExceeded(
        source,
        'maxDepth',
        `nests its markup more than ${formatCount(limits.maxDepth)} levels deep, the limit for one file`,
        'open it and save it again, or save it as PDF',
      );
    }
    if (counts.elements > limits.maxElements) {
      throw limitExceeded(
        source,
        'maxElements',
        `has more than ${formatCount(limits.maxElements)} markup elements, the limit for one file`,
      );
    }
    if (counts.paragraphs > limits.maxParagraphs) {
      throw limitExceeded(
        source,
        'maxParagraphs',
        `has more than ${formatCount(limits.maxParagraphs)} paragraphs, the limit for one file`,
      );
    }
  }
}

/** Checks a whole HTML document (or fragment) against the markup limits; throws naming `source`. */
export function checkHtmlMarkup(html: string, source: string, limits: IngestLimits): MarkupCounts {
  const scan = new MarkupScan(source, limits);
  scan.write(html);
  return scan.end();
}
