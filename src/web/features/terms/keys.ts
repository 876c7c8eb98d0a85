/**
 * Keys are how one part of a ToR names another (a working group names the
 * remit areas it covers). People type titles; the editor makes each new row's
 * key from its title, and keeps a key once it has one, as other parts use it.
 */
import { BUILT_IN_ROLES, key as keySchema } from '../../../policy/terms.ts';
import type { Doc } from './editor.tsx';

/** A key from a title: "Housing repairs" becomes housing_repairs. */
export function keyFrom(title: string, taken: Set<string>, fallback = 'area'): string {
  let base = title
    .toLowerCase()
    // Accents come apart from their letters, then go: "Crèche" is creche, not cre_che.
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 34);
  if (!/^[a-z]/.test(base)) base = `${fallback}_${base}`.replace(/_+$/, '');
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

type Row = { key?: unknown } & Record<string, unknown>;

function rows(value: unknown): Row[] | null {
  return Array.isArray(value) ? (value as Row[]) : null;
}

/** Rows with no key get one from `from`, different from every key in `taken`. */
function fill(list: Row[], from: string, taken: Set<string>, fallback: string): Row[] {
  for (const row of list) if (typeof row.key === 'string' && row.key) taken.add(row.key);
  return list.map((row) =>
    row.key ? row : { ...row, key: keyFrom(String(row[from] ?? ''), taken, fallback) },
  );
}

/**
 * A quorum's categories are named by keys alone: "Carers" typed in words is
 * saved as carers. Two rows with the same words keep the same key, so that
 * the server can say one is repeated; an empty one stays empty, to be named.
 */
function categoryKeys(list: Row[]): Row[] {
  return list.map((row) => {
    const { category } = row;
    if (typeof category !== 'string' || category.trim() === '') return row;
    if (keySchema.safeParse(category).success) return row;
    return { ...row, category: keyFrom(category, new Set(), 'category') };
  });
}

/**
 * The draft with a key on every remit area, working group, role, goal and
 * survey question, and each quorum category written as a key. Remit areas
 * share one set of keys, as an area cannot be both in and out of scope; a
 * role's key must differ from the roles every group has.
 */
export function withKeys(doc: Doc): Doc {
  const next: Doc = { ...doc };
  const remit = doc.remit as Record<string, unknown> | undefined;
  const inScope = rows(remit?.inScope);
  const outOfScope = rows(remit?.outOfScope);
  if (remit && inScope && outOfScope) {
    const taken = new Set<string>();
    for (const row of [...inScope, ...outOfScope])
      if (typeof row.key === 'string' && row.key) taken.add(row.key);
    next.remit = {
      ...remit,
      inScope: fill(inScope, 'title', taken, 'area'),
      outOfScope: fill(outOfScope, 'title', taken, 'area'),
    };
  }
  const workingGroups = rows(doc.workingGroups);
  if (workingGroups) next.workingGroups = fill(workingGroups, 'title', new Set(), 'group');
  const roles = doc.roles as Record<string, unknown> | undefined;
  const otherRoles = rows(roles?.otherRoles);
  if (roles && otherRoles) {
    next.roles = {
      ...roles,
      otherRoles: fill(otherRoles, 'title', new Set(BUILT_IN_ROLES), 'role'),
    };
  }
  const impact = doc.impact as Record<string, unknown> | undefined;
  const realisticGoals = rows(impact?.realisticGoals);
  const moodGoals = rows(impact?.moodGoals);
  if (impact && realisticGoals && moodGoals) {
    next.impact = {
      ...impact,
      realisticGoals: fill(realisticGoals, 'statement', new Set(), 'goal'),
      moodGoals: fill(moodGoals, 'statement', new Set(), 'goal'),
    };
  }
  const surveys = doc.surveys as Record<string, unknown> | undefined;
  const questions = rows(surveys?.questions);
  if (surveys && questions) {
    next.surveys = { ...surveys, questions: fill(questions, 'text', new Set(), 'question') };
  }
  const decisions = doc.decisions as Record<string, unknown> | undefined;
  const quorum = decisions?.quorum as Record<string, unknown> | undefined;
  const minimums = rows(quorum?.categoryMinimums);
  if (decisions && quorum && minimums) {
    next.decisions = {
      ...decisions,
      quorum: { ...quorum, categoryMinimums: categoryKeys(minimums) },
    };
  }
  return next;
}
