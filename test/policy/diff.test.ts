import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFields, diffLines } from '../../src/policy/diff.ts';

describe('differences between ToR versions', () => {
  it('names each changed field by its path, with the values before and after', () => {
    const v1 = { cadence: { every: 1, unit: 'month' }, remit: { inScope: [{ key: 'a' }] } };
    const v2 = {
      cadence: { every: 6, unit: 'week' },
      remit: { inScope: [{ key: 'a' }, { key: 'b' }] },
    };
    expect(diffFields(v1, v2)).toEqual([
      { path: 'cadence.every', before: 1, after: 6 },
      { path: 'cadence.unit', before: 'month', after: 'week' },
      { path: 'remit.inScope.1.key', before: null, after: 'b' },
    ]);
  });

  it('finds no field changes between identical documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        expect(diffFields(doc, structuredClone(doc))).toEqual([]);
      }),
    );
  });

  it('a line diff replays to both texts', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const before = x.join('\n');
        const after = y.join('\n');
        const changes = diffLines(before, after);
        const kept = (kind: string) =>
          changes.filter((c) => c.kind === 'same' || c.kind === kind).map((c) => c.line);
        expect(kept('removed').join('\n')).toBe(before);
        expect(kept('added').join('\n')).toBe(after);
      }),
      { numRuns: 300 },
    );
  });

  it('a line diff keeps the longest run of unchanged lines', () => {
    const changes = diffLines('1\n2\n3\n4', '1\n3\n4\n5');
    expect(changes).toEqual([
      { kind: 'same', line: '1' },
      { kind: 'removed', line: '2' },
      { kind: 'same', line: '3' },
      { kind: 'same', line: '4' },
      { kind: 'added', line: '5' },
    ]);
  });
});
