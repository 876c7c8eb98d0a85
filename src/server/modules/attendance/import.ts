/**
 * Reading an attendance register exported from a spreadsheet: csv-parse reads
 * the CSV, then a checker turns its rows into attendance marks and lists every
 * problem by line so the person importing can fix the file in one go. Whether
 * each date is a meeting of the group and each email a person in it is for the
 * service to check; this file knows nothing of the database.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { daysInMonth, type AttendanceMark } from '../../../policy/index.ts';

/** A record, and the 1-based physical line where it starts. */
export type CsvRow = { line: number; cells: string[] };

const LF = 0x0a;
const CR = 0x0d;

/** What a CSV syntax error means to the person who saved the file. */
const SYNTAX_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field in this row is never closed',
  INVALID_OPENING_QUOTE:
    'a quote inside an unquoted field; put the whole field in quotes and double the quote',
  CSV_INVALID_CLOSING_QUOTE:
    'text follows a closing quote; a quoted field must end at a comma or line end',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
    'text follows a closing quote; a quoted field must end at a comma or line end',
};

/**
 * Reads CSV with csv-parse (RFC 4180), accepting CRLF, LF or a lone CR as line
 * ends, a leading UTF-8 byte order mark, and a last record with or without a
 * line end. Empty lines are skipped; a line holding only `""` is a record of
 * one empty cell; rows may differ in length (the checker says so, by line).
 *
 * Lines are counted here, not by csv-parse (which counts CRLF inside a quoted
 * field as two): each record's line is where it starts, found from the byte
 * offset csv-parse reports at its end. A syntax error names the line where
 * its row starts. NUL characters (a sign of a binary or UTF-16 file) are
 * refused before parsing, naming their line.
 */
export function parseCsv(
  text: string,
): { rows: CsvRow[] } | { error: { line: number; problem: string } } {
  const bytes = Buffer.from(text, 'utf8');
  const lines = new LineCounter(bytes);

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      error: {
        line: lines.lineAt(nul),
        problem: 'contains a NUL character; save the file as UTF-8 CSV',
      },
    };
  }

  /** Where the record being read began to be looked for: just after the last one. */
  let after = text.startsWith('\uFEFF') ? 3 : 0;
  const rows: CsvRow[] = [];
  try {
    parse(bytes, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (cells: string[], context) => {
        rows.push({ line: lines.lineAt(lines.skipBreaks(after)), cells });
        after = context.bytes;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const problem = SYNTAX_PROBLEMS[error.code] ?? 'this row cannot be read as CSV';
    return { error: { line: lines.lineAt(lines.skipBreaks(after)), problem } };
  }
  return { rows };
}

/**
 * Line numbers of byte offsets, counting CRLF, LF and a lone CR as one break
 * each. Offsets are asked for in increasing order, so it counts each byte once.
 */
class LineCounter {
  private at = 0;
  private line = 1;
  constructor(private readonly bytes: Uint8Array) {}

  lineAt(offset: number): number {
    if (offset < this.at) {
      this.at = 0;
      this.line = 1;
    }
    for (; this.at < offset && this.at < this.bytes.length; this.at++) {
      const byte = this.bytes[this.at];
      if (byte === LF || (byte === CR && this.bytes[this.at + 1] !== LF)) this.line++;
    }
    return this.line;
  }

  /** The first offset from `offset` that is not a line break: a record starts there. */
  skipBreaks(offset: number): number {
    let at = offset;
    while (this.bytes[at] === LF || this.bytes[at] === CR) at++;
    return at;
  }
}

export type ImportMark = Exclude<AttendanceMark, 'none'>;
export type ImportRow = { line: number; date: string; email: string; mark: ImportMark };
export type RowProblem = { line: number; problem: string };

const COLUMNS = ['date', 'email', 'attendance'] as const;
type Column = (typeof COLUMNS)[number];

const MARKS: ReadonlyMap<string, ImportMark> = new Map([
  ['present', 'present_in_person'],
  ['in person', 'present_in_person'],
  ['present in person', 'present_in_person'],
  ['present_in_person', 'present_in_person'],
  ['online', 'present_online'],
  ['present online', 'present_online'],
  ['present_online', 'present_online'],
  ['apologies', 'apologies'],
  ['apology', 'apologies'],
  ['absent', 'absent'],
]);

/**
 * Reads an attendance import: a header naming the columns `date`, `email` and
 * `attendance` in any order, then one row per person per meeting. Returns the
 * good rows and every problem found, sorted by line; the import should go
 * ahead only when there are no problems. Rows whose cells are all empty (as
 * spreadsheets write for blank rows) are skipped like blank lines.
 */
export function readAttendanceCsv(
  text: string,
  opts: { maxRows: number },
): { rows: ImportRow[]; problems: RowProblem[] } {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { rows: [], problems: [parsed.error] };
  const [header, ...data] = parsed.rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
  if (!header) return { rows: [], problems: [{ line: 1, problem: 'the file is empty' }] };

  const problems: RowProblem[] = [];
  const columns = readHeader(header, problems);
  if (!columns) return { rows: [], problems };

  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const [index, row] of data.entries()) {
    if (index === opts.maxRows) {
      problems.push({
        line: row.line,
        problem: `more than ${opts.maxRows} rows; import at most ${opts.maxRows} at a time`,
      });
      break;
    }
    const checked = checkRow(row, header.cells.length, columns);
    problems.push(...checked.problems);
    if (checked.key) {
      const { date, email } = checked.key;
      const earlier = firstLineOf.get(`${date} ${email}`);
      if (earlier !== undefined) {
        problems.push({
          line: row.line,
          problem: `${email} on ${date} is already on line ${earlier}`,
        });
        continue;
      }
      firstLineOf.set(`${date} ${email}`, row.line);
    }
    if (checked.row) rows.push(checked.row);
  }

  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

/** Where each column is, or null (with problems recorded) if one is missing. */
function readHeader(header: CsvRow, problems: RowProblem[]): Record<Column, number> | null {
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const known = new Set<string>(COLUMNS);
  const seen = new Set<string>();
  const extra: string[] = [];
  const repeated: string[] = [];
  for (const name of names) {
    if (!known.has(name)) extra.push(name === '' ? '(blank)' : `"${name}"`);
    else if (seen.has(name)) repeated.push(`"${name}"`);
    seen.add(name);
  }
  const missing = COLUMNS.filter((column) => !seen.has(column)).map((c) => `"${c}"`);
  const line = header.line;
  const expected = 'expected the columns date, email and attendance';
  if (missing.length > 0) {
    problems.push({ line, problem: `missing column ${list(missing)}; ${expected}` });
  }
  if (extra.length > 0) {
    problems.push({ line, problem: `unexpected column ${list(extra)}; ${expected}` });
  }
  if (repeated.length > 0) {
    problems.push({ line, problem: `column ${list(repeated)} appears more than once` });
  }
  if (missing.length > 0) return null;
  return {
    date: names.indexOf('date'),
    email: names.indexOf('email'),
    attendance: names.indexOf('attendance'),
  };
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

/** A good row, or the row's problems; and its date and email as a key when both are good. */
type CheckedRow = {
  row?: ImportRow;
  problems: RowProblem[];
  key?: { date: string; email: string } | undefined;
};

function checkRow(
  { line, cells }: CsvRow,
  expectedCells: number,
  columns: Record<Column, number>,
): CheckedRow {
  if (cells.length !== expectedCells) {
    return {
      problems: [{ line, problem: `expected ${expectedCells} cells but found ${cells.length}` }],
    };
  }
  const cellOf = (column: Column) => (cells[columns[column]] ?? '').trim();
  const date = cellOf('date');
  const rawEmail = cellOf('email');
  const email = rawEmail.toLowerCase();
  const attendance = cellOf('attendance');
  const mark = MARKS.get(attendance.toLowerCase().replace(/\s+/g, ' '));

  const problems: RowProblem[] = [];
  if (!isRealDate(date)) {
    problems.push({ line, problem: `date "${date}" is not a real date written YYYY-MM-DD` });
  }
  if (!looksLikeEmail(email)) {
    problems.push({ line, problem: `email "${rawEmail}" does not look like an email address` });
  }
  if (mark === undefined) {
    problems.push({
      line,
      problem: `attendance "${attendance}" is not one of: present, online, apologies, absent`,
    });
  }
  const key = isRealDate(date) && looksLikeEmail(email) ? { date, email } : undefined;
  if (mark === undefined || key === undefined) return { problems, key };
  return { row: { line, date, email, mark }, problems, key };
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** One @, no spaces, and a dot inside the domain: a typo check, not a validator. */
function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}
