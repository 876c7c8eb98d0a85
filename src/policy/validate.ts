/**
 * Validation of a whole ToR, naming every bad field and what to fix.
 *
 * Zod checks each field. The rules that tie fields together are checked here
 * on the raw input, so that they are reported even when other fields are
 * wrong: a person fixing a draft sees every problem at once, not one per save.
 */
import type { z } from 'zod';
import { BUILT_IN_ROLES, termsSchema, type Terms } from './terms.ts';

export type TermsValidation =
  { ok: true; terms: Terms } | { ok: false; fields: Record<string, string> };

export type ValidationContext = {
  /**
   * The most members the group could ever have (the people in it now, or a cap
   * on membership). A quorum larger than this could never be reached.
   */
  groupSize?: number;
};

/** The key used in `fields` for a problem with the document as a whole. */
export const WHOLE_DOCUMENT = 'terms';

export function validateTerms(input: unknown, context: ValidationContext = {}): TermsValidation {
  const fields: Record<string, string> = {};
  const add = (path: string, message: string) => {
    const at = path || WHOLE_DOCUMENT;
    fields[at] = fields[at] && fields[at] !== message ? `${fields[at]}; ${message}` : message;
  };

  const parsed = termsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) addIssue(issue, add);
  }
  crossFieldProblems(input, context, add);

  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, terms: parsed.data };
  return { ok: false, fields };
}

function addIssue(issue: z.core.$ZodIssue, add: (path: string, message: string) => void) {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    for (const name of issue.keys) {
      add(path ? `${path}.${name}` : name, 'is not a field of the Terms of Reference: remove it');
    }
  } else {
    add(path, issue.message);
  }
}

type Add = (path: string, message: string) => void;

/** Tolerant readers: the input may be any shape at all. */
function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function keysOf(value: unknown): { key: string; index: number }[] {
  return items(value).flatMap((item, index) => {
    const key = record(item).key;
    return typeof key === 'string' ? [{ key, index }] : [];
  });
}
function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function noRepeats(list: { key: string; index: number }[], path: string, add: Add, field = 'key') {
  const seen = new Map<string, number>();
  for (const { key, index } of list) {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      add(
        `${path}.${index}.${field}`,
        `is used twice (also at ${path}.${first}): ${field}s must differ`,
      );
  }
}

function crossFieldProblems(input: unknown, context: ValidationContext, add: Add) {
  const terms = record(input);
  remitProblems(record(terms.remit), items(terms.workingGroups), add);
  surveyProblems(record(terms.surveys), record(terms.impact), add);
  quorumProblems(record(record(terms.decisions).quorum), context, add);
  roleProblems(terms, add);
  dateProblems(terms, add);
}

function remitProblems(remit: Record<string, unknown>, workingGroups: unknown[], add: Add) {
  const inScope = keysOf(remit.inScope);
  const outOfScope = keysOf(remit.outOfScope);
  noRepeats(inScope, 'remit.inScope', add);
  noRepeats(outOfScope, 'remit.outOfScope', add);
  const inScopeAt = new Map(inScope.map(({ key, index }) => [key, index]));
  for (const { key, index } of outOfScope) {
    const other = inScopeAt.get(key);
    if (other !== undefined) {
      add(
        `remit.outOfScope.${index}.key`,
        `is also in scope (remit.inScope.${other}): an area cannot be both in and out of scope, so remove it from one list`,
      );
    }
  }
  noRepeats(keysOf(workingGroups), 'workingGroups', add);
  workingGroups.forEach((group, g) => {
    items(record(group).remitKeys).forEach((remitKey, r) => {
      if (typeof remitKey === 'string' && !inScopeAt.has(remitKey)) {
        add(
          `workingGroups.${g}.remitKeys.${r}`,
          `is not one of the group's in-scope areas: a working group covers a part of its group's remit`,
        );
      }
    });
  });
}

function surveyProblems(
  surveys: Record<string, unknown>,
  impact: Record<string, unknown>,
  add: Add,
) {
  const waves = items(surveys.wavesMonths).map(wholeNumber);
  const inOrder = waves.every((w, i) => {
    const previous = i === 0 ? undefined : waves[i - 1];
    return w === undefined || previous === undefined || w > previous;
  });
  if (!inOrder) {
    add(
      'surveys.wavesMonths',
      'must go from earliest to latest with no month repeated, such as 3, 6, 12',
    );
  }
  const questions = keysOf(surveys.questions);
  noRepeats(questions, 'surveys.questions', add);
  noRepeats(keysOf(impact.realisticGoals), 'impact.realisticGoals', add);
  noRepeats(keysOf(impact.moodGoals), 'impact.moodGoals', add);
  const questionKeys = new Set(questions.map((q) => q.key));
  items(impact.moodGoals).forEach((goal, index) => {
    const questionKey = record(goal).questionKey;
    if (typeof questionKey === 'string' && !questionKeys.has(questionKey)) {
      add(
        `impact.moodGoals.${index}.questionKey`,
        'is not one of the survey questions: a mood goal is measured by a survey question, so add the question or pick another',
      );
    }
  });
}

function quorumProblems(quorum: Record<string, unknown>, context: ValidationContext, add: Add) {
  const path = 'decisions.quorum';
  const size = context.groupSize;
  const given = quorum.kind === 'count' ? wholeNumber(quorum.count) : undefined;
  const count = given !== undefined && given >= 1 ? given : undefined;
  if (count !== undefined && size !== undefined && count > size) {
    add(
      `${path}.count`,
      `is more than the ${size} members this group could have, so it could never be reached: lower it`,
    );
  }
  if (quorum.kind === 'fraction') {
    const numerator = wholeNumber(quorum.numerator);
    const denominator = wholeNumber(quorum.denominator);
    if (numerator !== undefined && denominator !== undefined && numerator > denominator) {
      add(
        `${path}.numerator`,
        'must not be more than the denominator: a quorum cannot be more than all the members',
      );
    }
  }
  const minimums = items(quorum.categoryMinimums);
  noRepeats(
    minimums.flatMap((m, index) => {
      const category = record(m).category;
      return typeof category === 'string' ? [{ key: category, index }] : [];
    }),
    `${path}.categoryMinimums`,
    add,
    'category',
  );
  minimums.forEach((m, index) => {
    const min = wholeNumber(record(m).min);
    if (min === undefined) return;
    const at = `${path}.categoryMinimums.${index}.min`;
    if (count !== undefined && min > count) {
      add(at, `is more than the quorum of ${count}: raise the quorum or lower this minimum`);
    } else if (size !== undefined && min > size) {
      add(at, `is more than the ${size} members this group could have: lower it`);
    }
  });
}

function roleProblems(terms: Record<string, unknown>, add: Add) {
  const defined = new Set<string>([
    ...BUILT_IN_ROLES,
    ...keysOf(record(terms.roles).otherRoles).map((r) => r.key),
  ]);
  noRepeats(keysOf(record(terms.roles).otherRoles), 'roles.otherRoles', add);
  const known = (path: string, list: unknown) =>
    items(list).forEach((role, index) => {
      if (typeof role === 'string' && !defined.has(role)) {
        add(
          `${path}.${index}`,
          `is not a role of this group: use ${[...defined].join(', ')}, or add it under roles.otherRoles`,
        );
      }
    });
  known('membership.nonVotingRoles', record(terms.membership).nonVotingRoles);
  known('decisions.formalTestCalledBy', record(terms.decisions).formalTestCalledBy);
}

function dateProblems(terms: Record<string, unknown>, add: Add) {
  const startsOn = terms.startsOn;
  const endsOn = record(terms.ending).endsOn;
  const isDate = (d: unknown): d is string =>
    typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
  if (isDate(startsOn) && isDate(endsOn) && endsOn <= startsOn) {
    add('ending.endsOn', 'must be after the date the group starts (startsOn)');
  }
}
