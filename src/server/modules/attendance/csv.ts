/**
 * Reading an attendance register exported from a spreadsheet: an RFC 4180
 * CSV parser, then a checker that turns its rows into attendance marks and
 * lists every problem by line so the person importing can fix the file in one
 * go. Whether each date is a meeting of the group and each email a person in
 * it is for the service to check; this file knows nothing of the database.
 */
import { daysInMonth, type AttendanceMark } from '../../../policy/index.ts';

/** A record, and the 1-based physical line where it starts. */
export type CsvRow = { line: number; cells: string[] };

/**
 * Parses CSV as RFC 4180 describes it, accepting LF as well as CRLF line
 * ends (and a lone CR), a leading UTF-8 byte order mark, and a last record
 * with or without a line end. Empty lines are skipped; a line holding only
 * `""` is a record of one empty cell. Quoted fields may hold commas, doubled
 * quotes and line breaks; line numbers count the breaks inside them.
 *
 * Strict where a lenient reading would have to guess: a quote inside an
 * unquoted field, text after a closing quote, a quote never closed, and NUL
 * characters (a sign of a binary or UTF-16 file) are errors naming the line.
 */
export function parseCsv(
  text: string,
): { rows: CsvRow[] } | { error: { line: number; problem: string } } {
  const rows: CsvRow[] = [];
  let state: 'fieldStart' | 'unquoted' | 'quoted' | 'afterQuote' = 'fieldStart';
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endRecord = () => {
    const blank = cells.length === 0 && state === 'fieldStart';
    if (!blank) rows.push({ line: recordLine, cells: [...cells, cell] });
    cells = [];
    cell = '';
    state = 'fieldStart';
  };

  let i = text.startsWith('\uFEFF') ? 1 : 0;
  for (; i < text.length; i++) {
    let char = text[i];
    if (char === '\r' && text[i + 1] === '\n') {
      char = '\r\n';
      i++;
    }
    const isBreak = char === '\n' || char === '\r' || char === '\r\n';
    if (char === '\0') {
      return { error: { line, problem: 'contains a NUL character; save the file as UTF-8 CSV' } };
    }

    if (state === 'quoted') {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          state = 'afterQuote';
        }
      } else {
        cell += char;
        if (isBreak) line++;
      }
      continue;
    }

    if (char === ',') {
      cells.push(cell);
      cell = '';
      state = 'fieldStart';
    } else if (isBreak) {
      endRecord();
      line++;
      recordLine = line;
    } else if (state === 'afterQuote') {
      return {
        error: {
          line,
          problem: 'text follows a closing quote; a quoted field must end at a comma or line end',
        },
      };
    } else if (char === '"') {
      if (state === 'unquoted') {
        return {
          error: {
            line,
            problem:
              'a quote inside an unquoted field; put the whole field in quotes and double the quote',
          },
        };
      }
      state = 'quoted';
      quoteLine = line;
    } else {
      cell += char;
      state = 'unquoted';
    }
  }

  if (state === 'quoted') {
    return {
      error: { line: quoteLine, problem: 'a quoted field starts here and is never closed' },
    };
  }
  endRecord();
  return { rows };
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
