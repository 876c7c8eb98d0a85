/**
 * Differences between two versions of a ToR: field by field (for the record)
 * and line by line in the rendered text (for people to read).
 */

export type FieldChange = { path: string; before: unknown; after: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, {});
    for (const key of keys) leaves(value[key], prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out.set(prefix, []);
    value.forEach((item, index) => leaves(item, `${prefix}.${index}`, out));
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
}

/** Every leaf that was added, removed or changed, in a stable order. */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (JSON.stringify(x) !== JSON.stringify(y))
      changes.push({ path, before: x ?? null, after: y ?? null });
  }
  return changes;
}

export type LineChange = { kind: 'same' | 'added' | 'removed'; line: string };

/** A line diff by longest common subsequence: fine for documents of a few hundred lines. */
export function diffLines(beforeText: string, afterText: string): LineChange[] {
  const a = beforeText.split('\n');
  const b = afterText.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i]!;
    const below = lcs[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', line: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ kind: 'removed', line: a[i++]! });
    } else {
      out.push({ kind: 'added', line: b[j++]! });
    }
  }
  while (i < n) out.push({ kind: 'removed', line: a[i++]! });
  while (j < m) out.push({ kind: 'added', line: b[j++]! });
  return out;
}
