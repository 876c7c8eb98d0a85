import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, readAttendanceCsv } from '../../src/server/modules/attendance/import.ts';

function rowsOf(text: string) {
  const parsed = parseCsv(text);
  if ('error' in parsed) throw new Error(`unexpected error: ${JSON.stringify(parsed.error)}`);
  return parsed.rows;
}

/**
 * Writes CSV the way a careful spreadsheet does, quoting only where needed: a
 * lone empty cell (else the line is blank) and a cell starting with a byte
 * order mark (else, at the start of the file, it is read as the encoding mark).
 */
function serialise(rows: string[][], lineEnd: string): string {
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  return rows
    .map((cells) => {
      if (cells.length === 1 && cells[0] === '') return '""';
      return cells.map((c) => (/[",\r\n]|^\uFEFF/.test(c) ? quote(c) : c)).join(',');
    })
    .join(lineEnd);
}

describe('parsing CSV', () => {
  it('reads plain records with the line each starts on', () => {
    expect(rowsOf('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', '3'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, keeping line numbers', () => {
    const text =
      'name,note\n"Smith, Jo","said ""hi""\nthen left"\nLee,"two\r\nlines\nmore"\nlast,x';
    expect(rowsOf(text)).toEqual([
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['Smith, Jo', 'said "hi"\nthen left'] },
      { line: 4, cells: ['Lee', 'two\r\nlines\nmore'] },
      { line: 7, cells: ['last', 'x'] },
    ]);
  });

  it('takes CRLF or LF line ends, a byte order mark, and a last line with or without its end', () => {
    const expected = [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ];
    expect(rowsOf('a,b\r\nc,d\r\n')).toEqual(expected);
    expect(rowsOf('a,b\r\nc,d')).toEqual(expected);
    expect(rowsOf('\uFEFFa,b\nc,d')).toEqual(expected);
    expect(rowsOf('\uFEFFa,b\nc,d\n')).toEqual(expected);
  });

  it('skips blank lines but counts them, and keeps empty cells', () => {
    expect(rowsOf('\na,b\n\r\n\n,\n""\n\n')).toEqual([
      { line: 2, cells: ['a', 'b'] },
      { line: 5, cells: ['', ''] },
      { line: 6, cells: [''] },
    ]);
    expect(rowsOf('')).toEqual([]);
    expect(rowsOf('\uFEFF')).toEqual([]);
    expect(rowsOf('a,\n')).toEqual([{ line: 1, cells: ['a', ''] }]);
  });

  it('names the line of the row where a quote is never closed', () => {
    expect(parseCsv('a,b\nc,"d\ne,f\n')).toEqual({
      error: { line: 2, problem: 'a quoted field in this row is never closed' },
    });
  });

  it('names the row of a syntax error after a field holding CRLF line breaks', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",z\r\n\r\nc,"d\r\n')).toEqual({
      error: { line: 5, problem: 'a quoted field in this row is never closed' },
    });
  });

  it('refuses NUL characters, naming the line', () => {
    const parsed = parseCsv('a,b\nc,d\ne\0,f\n');
    expect(parsed).toMatchObject({ error: { line: 3 } });
    expect('error' in parsed && parsed.error.problem).toMatch(/NUL/);
  });

  it('refuses quotes out of place rather than guessing', () => {
    expect(parseCsv('a,b\n5" screen,x')).toMatchObject({ error: { line: 2 } });
    expect(parseCsv('a,b\n"quoted"tail,x')).toMatchObject({ error: { line: 2 } });
  });

  it('gives back any cells it is given, correctly quoted', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '\uFEFF', 'é') }),
      fc.string({ unit: 'binary' }).filter((s) => !s.includes('\0')),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, lineEnd) => {
          const parsed = rowsOf(serialise(rows, lineEnd));
          expect(parsed.map((row) => row.cells)).toEqual(rows);
          let line = 1;
          for (const [i, row] of parsed.entries()) {
            expect(row.line).toBe(line);
            const record = serialise([rows[i] ?? []], lineEnd);
            line += (record.match(/\r\n|\r|\n/g) ?? []).length + 1;
          }
        },
      ),
    );
  });
});

const HEADER = 'date,email,attendance';

describe('reading an attendance import', () => {
  it('reads each mark, trimming and lowercasing', () => {
    const text = [
      HEADER,
      '2026-03-10, Ann@Example.org ,Present',
      '2026-03-10,bo@example.org,  online ',
      '2026-03-10,cy@example.org,Apologies',
      '2026-03-10,di@example.org,ABSENT',
    ].join('\n');
    expect(readAttendanceCsv(text, { maxRows: 100 })).toEqual({
      rows: [
        { line: 2, date: '2026-03-10', email: 'ann@example.org', mark: 'present_in_person' },
        { line: 3, date: '2026-03-10', email: 'bo@example.org', mark: 'present_online' },
        { line: 4, date: '2026-03-10', email: 'cy@example.org', mark: 'apologies' },
        { line: 5, date: '2026-03-10', email: 'di@example.org', mark: 'absent' },
      ],
      problems: [],
    });
  });

  it('accepts every spelling of each mark', () => {
    const spellings = {
      present_in_person: ['present', 'in person', 'present in person', 'present_in_person'],
      present_online: ['online', 'present online', 'present_online', 'Present  Online'],
      apologies: ['apologies', 'apology'],
      absent: ['absent'],
    };
    for (const [mark, words] of Object.entries(spellings)) {
      for (const word of words) {
        const { rows, problems } = readAttendanceCsv(`${HEADER}\n2026-03-10,a@b.org,${word}`, {
          maxRows: 10,
        });
        expect(problems).toEqual([]);
        expect(rows[0]?.mark).toBe(mark);
      }
    }
  });

  it('finds columns by name in any order, ignoring case and spaces', () => {
    const text = '\uFEFF Attendance ,EMAIL,Date\r\nonline,a@b.org,2026-03-10\r\n';
    expect(readAttendanceCsv(text, { maxRows: 10 })).toEqual({
      rows: [{ line: 2, date: '2026-03-10', email: 'a@b.org', mark: 'present_online' }],
      problems: [],
    });
  });

  it('takes the first non-blank row as the header and skips blank rows', () => {
    const text = '\n,,\ndate,email,attendance\n\n,,\n2026-03-10,a@b.org,absent\n';
    expect(readAttendanceCsv(text, { maxRows: 10 })).toEqual({
      rows: [{ line: 6, date: '2026-03-10', email: 'a@b.org', mark: 'absent' }],
      problems: [],
    });
  });

  it('names missing and extra columns on the header line', () => {
    expect(readAttendanceCsv('date,Email\n2026-03-10,a@b.org', { maxRows: 10 })).toEqual({
      rows: [],
      problems: [
        {
          line: 1,
          problem: 'missing column "attendance"; expected the columns date, email and attendance',
        },
      ],
    });
    const extra = readAttendanceCsv('date,email,attendance,Notes,\n2026-03-10,a@b.org,absent,,', {
      maxRows: 10,
    });
    expect(extra.problems).toEqual([
      {
        line: 1,
        problem:
          'unexpected column "notes", (blank); expected the columns date, email and attendance',
      },
    ]);
    const both = readAttendanceCsv('name,email,email\n', { maxRows: 10 }).problems;
    expect(both.map((p) => p.line)).toEqual([1, 1, 1]);
    expect(both.map((p) => p.problem).join('\n')).toMatch(/missing column "date", "attendance"/);
    expect(both.map((p) => p.problem).join('\n')).toMatch(/unexpected column "name"/);
    expect(both.map((p) => p.problem).join('\n')).toMatch(/"email" appears more than once/);
  });

  it('says a file with no header is empty', () => {
    expect(readAttendanceCsv('\n\n', { maxRows: 10 }).problems).toEqual([
      { line: 1, problem: 'the file is empty' },
    ]);
  });

  it('reports a CSV syntax error as the only problem', () => {
    expect(readAttendanceCsv(`${HEADER}\n2026-03-10,"a@b.org,absent\n`, { maxRows: 10 })).toEqual({
      rows: [],
      problems: [{ line: 2, problem: 'a quoted field in this row is never closed' }],
    });
  });

  it('refuses dates that are not real or not written YYYY-MM-DD', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-00-10', '10/03/2026', '2026-3-10', '']) {
      const { rows, problems } = readAttendanceCsv(`${HEADER}\n${date},a@b.org,absent`, {
        maxRows: 10,
      });
      expect(rows).toEqual([]);
      expect(problems).toEqual([
        { line: 2, problem: `date "${date}" is not a real date written YYYY-MM-DD` },
      ]);
    }
    const leapDay = readAttendanceCsv(`${HEADER}\n2028-02-29,a@b.org,absent`, { maxRows: 10 });
    expect(leapDay.problems).toEqual([]);
  });

  it('refuses values that do not look like email addresses', () => {
    for (const email of [
      'ann',
      'ann@example',
      'a@@b.org',
      'a@b@c.org',
      'ann smith@b.org',
      '@b.org',
    ]) {
      const { problems } = readAttendanceCsv(`${HEADER}\n2026-03-10,${email},absent`, {
        maxRows: 10,
      });
      expect(problems).toEqual([
        { line: 2, problem: `email "${email}" does not look like an email address` },
      ]);
    }
  });

  it('refuses attendance it does not know', () => {
    const { rows, problems } = readAttendanceCsv(`${HEADER}\n2026-03-10,a@b.org,Late`, {
      maxRows: 10,
    });
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 2, problem: 'attendance "Late" is not one of: present, online, apologies, absent' },
    ]);
  });

  it('says how many cells a short or long row has', () => {
    const text = `${HEADER}\n2026-03-10,a@b.org\n2026-03-10,b@b.org,absent,extra\n`;
    expect(readAttendanceCsv(text, { maxRows: 10 }).problems).toEqual([
      { line: 2, problem: 'expected 3 cells but found 2' },
      { line: 3, problem: 'expected 3 cells but found 4' },
    ]);
  });

  it('names the earlier line when a person appears twice for one date', () => {
    const text = [
      HEADER,
      '2026-03-10,a@b.org,present',
      '2026-03-10,b@b.org,present',
      '2026-04-14,a@b.org,present',
      '2026-03-10,A@B.org ,online',
    ].join('\n');
    const { rows, problems } = readAttendanceCsv(text, { maxRows: 10 });
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(problems).toEqual([{ line: 5, problem: 'a@b.org on 2026-03-10 is already on line 2' }]);
  });

  it('stops at the first row over the limit', () => {
    const text = [
      HEADER,
      '2026-03-10,a@b.org,present',
      '2026-03-10,b@b.org,present',
      '',
      '2026-03-10,c@b.org,present',
      '2026-03-10,d@b.org,nonsense',
    ].join('\n');
    expect(readAttendanceCsv(text, { maxRows: 2 })).toEqual({
      rows: [
        { line: 2, date: '2026-03-10', email: 'a@b.org', mark: 'present_in_person' },
        { line: 3, date: '2026-03-10', email: 'b@b.org', mark: 'present_in_person' },
      ],
      problems: [{ line: 5, problem: 'more than 2 rows; import at most 2 at a time' }],
    });
  });

  it('lists every problem of every bad row, in line order, and keeps only good rows', () => {
    const text = [
      'email,attendance,date',
      'a@b.org,present,2026-03-10',
      'not an email,maybe,2026-02-30',
      '"multi',
      'line@b.org",absent,2026-03-10',
      'c@b.org,absent',
      'd@b.org,online,2026-03-10',
      'a@b.org,absent,2026-03-10',
    ].join('\n');
    const { rows, problems } = readAttendanceCsv(text, { maxRows: 100 });
    expect(rows.map((r) => r.email)).toEqual(['a@b.org', 'd@b.org']);
    expect(problems).toEqual([
      { line: 3, problem: 'date "2026-02-30" is not a real date written YYYY-MM-DD' },
      { line: 3, problem: 'email "not an email" does not look like an email address' },
      { line: 3, problem: 'attendance "maybe" is not one of: present, online, apologies, absent' },
      { line: 4, problem: 'email "multi\nline@b.org" does not look like an email address' },
      { line: 6, problem: 'expected 3 cells but found 2' },
      { line: 8, problem: 'a@b.org on 2026-03-10 is already on line 2' },
    ]);
  });
});
