/** One CSV record, or why one could not be read (the line it was on, then reading goes on at the next line). */
export type CsvRecord =
  | { lineNo: number; cells: string[] }
  | { lineNo: number; error: 'quote-not-closed' | 'misplaced-quote' | 'too-long' };

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const State = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** A quote inside a quoted field: doubled (a literal quote) or the field's end. */
  QuoteSeen: 3,
  /** After a bad record: everything up to the end of its line is dropped. */
  SkipLine: 4,
} as const;
type State = (typeof State)[keyof typeof State];

/**
 * A streaming CSV splitter for sales exports (RFC 4180 as spreadsheets write it): fields quoted with `"` and `""`
 * inside, line breaks `\r\n`, `\n` or `\r` (kept inside quotes), a byte-order mark dropped, empty lines skipped,
 * a quote inside an unquoted field read as a character. Text is fed in chunks of any size; a record is emitted with
 * the number of the line it ends on. A quote closed before something other than a separator or a line end, an
 * unclosed quote or a record past `maxRecordChars` costs that record (reported), and reading goes on at the next
 * line. Written for speed: a year of a busy bar is 200,000 lines, and a general parser that builds an error for
 * every ragged row (a title line above the header makes them all ragged) spent most of the import there.
 */
export class CsvSplitter {
  private readonly sep: number;
  private state: State = State.FieldStart;
  private cells: string[] = [];
  private field = '';
  private quoted = false;
  private line = 1;
  private afterCr = false;
  private started = false;
  private recordChars = 0;

  constructor(
    separator: string,
    private readonly maxRecordChars: number,
  ) {
    this.sep = separator.charCodeAt(0);
  }

  /** Splits the next piece of text; complete records are appended to `out`. */
  push(text: string, out: CsvRecord[]): void {
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    let from = i; // start of the current field's part not yet copied into `field`
    const n = text.length;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      const newline = c === LF || c === CR;
      const crlf = c === LF && this.afterCr;
      this.afterCr = c === CR;
      if (++this.recordChars > this.maxRecordChars && this.state !== State.SkipLine) {
        this.fail('too-long', out);
      }
      switch (this.state) {
        case State.SkipLine:
          if (newline) {
            this.state = State.FieldStart;
            this.recordChars = 0;
            from = i + 1;
          }
          break;
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quoted = true;
            from = i + 1;
          } else if (c === this.sep) {
            this.cells.push('');
            from = i + 1;
          } else if (newline) {
            if (!crlf) this.endRecord(out);
            from = i + 1;
          } else this.state = State.Unquoted;
          break;
        case State.Unquoted:
          if (c === this.sep) {
            this.cells.push(this.field + text.slice(from, i));
            this.field = '';
            this.state = State.FieldStart;
            from = i + 1;
          } else if (newline) {
            this.field += text.slice(from, i);
            this.endRecord(out);
            from = i + 1;
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.field += text.slice(from, i);
            this.state = State.QuoteSeen;
            from = i + 1;
          }
          break;
        case State.QuoteSeen:
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            from = i + 1;
          } else if (c === this.sep) {
            this.cells.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            from = i + 1;
          } else if (newline) {
            this.endRecord(out);
            from = i + 1;
          } else this.fail('misplaced-quote', out);
          break;
      }
      if (c === CR || (c === LF && !crlf)) this.line++;
    }
    if (this.state === State.Unquoted || this.state === State.Quoted) this.field += text.slice(from, n);
  }

  /** The end of the text: the last record, or an unclosed quote. */
  end(out: CsvRecord[]): void {
    if (this.state === State.Quoted) this.fail('quote-not-closed', out);
    else if (this.state !== State.SkipLine) this.endRecord(out);
  }

  private endRecord(out: CsvRecord[]): void {
    const lineNo = this.line;
    this.cells.push(this.field);
    const empty = this.cells.length === 1 && this.cells[0] === '' && !this.quoted;
    if (!empty) out.push({ lineNo, cells: this.cells });
    this.cells = [];
    this.field = '';
    this.quoted = false;
    this.state = State.FieldStart;
    this.recordChars = 0;
  }

  private fail(error: 'quote-not-closed' | 'misplaced-quote' | 'too-long', out: CsvRecord[]): void {
    out.push({ lineNo: this.line, error });
    this.cells = [];
    this.field = '';
    this.quoted = false;
    this.state = State.SkipLine;
  }
}
