import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFields } from '../../src/policy/diff.ts';
import { seedTemplate } from '../../src/policy/template.ts';
import { key as keySchema, type Quorum, type Terms } from '../../src/policy/terms.ts';
import { validateTerms } from '../../src/policy/validate.ts';
import type { Doc } from '../../src/web/features/terms/editor.tsx';
import {
  EDIT_STEPS,
  fieldLabel,
  inputId,
  inputPath,
  rowLabel,
  stepOf,
} from '../../src/web/features/terms/fields.ts';
import { keyFrom, withKeys } from '../../src/web/features/terms/keys.ts';

/** The seed template with every optional part filled in, so that every field has a value. */
function filledDraft(quorum: Quorum): Terms {
  const seed = seedTemplate({ startsOn: '2026-01-12', frequency: 'monthly' });
  const { from, startTime, durationMinutes, timeZone } = seed.cadence;
  const time = { from, startTime, durationMinutes, timeZone };
  return {
    ...seed,
    ending: { endsOn: '2027-12-31', endsWhen: 'when the new respite service opens' },
    membership: {
      ...seed.membership,
      lapse: { afterConsecutiveAbsences: 3, apologiesCountAsAbsence: false },
      nonVotingRoles: ['observer', 'staff_adviser'],
    },
    workingGroups: [
      {
        key: 'day_centres',
        title: 'Day centres',
        focus: 'How day centres open again.',
        remitKeys: ['area_a', 'area_b'],
        cadence: { unit: 'week', every: 1, weekday: 'thursday', ...time },
      },
      {
        key: 'transport',
        title: 'Transport',
        focus: 'Getting to the day centres.',
        remitKeys: ['area_c'],
        cadence: { unit: 'month', every: 2, on: { kind: 'day_of_month', day: 15 }, ...time },
      },
    ],
    behaviour: { ...seed.behaviour, intro: 'We agree:' },
    decisions: {
      ...seed.decisions,
      formalTestCalledBy: ['chair', 'staff_adviser'],
      ballot: { secret: false, mayChangeBeforeClose: true },
      quorum,
    },
    roles: {
      ...seed.roles,
      chairs: { ...seed.roles.chairs, maxConsecutiveTerms: 2, note: 'Co-chairs share the work.' },
      otherRoles: [
        {
          key: 'staff_adviser',
          title: 'Staff adviser',
          description: 'Advises the group on how the council works.',
        },
      ],
    },
  };
}

const COUNT_QUORUM: Quorum = {
  kind: 'count',
  count: 5,
  categoryMinimums: [
    { category: 'carers', min: 2 },
    { category: 'people_who_use_services', min: 1 },
  ],
};

const FRACTION_QUORUM: Quorum = {
  kind: 'fraction',
  numerator: 1,
  denominator: 3,
  categoryMinimums: [{ category: 'carers', min: 2 }],
};

/** Every path the server can name in a filled draft: each leaf, as the diff lists them. */
function leafPaths(doc: unknown): string[] {
  return diffFields({}, doc).map((change) => change.path);
}

/** Words a carer or volunteer can read: no dotted paths, keys or camelCase names. */
function readable(label: string): boolean {
  return /^[A-Z]/.test(label) && !/[._›]|[a-z][A-Z]/.test(label);
}

const stepTitled = (title: string) => EDIT_STEPS.findIndex((s) => s.title.defaultMessage === title);

describe('the filled drafts the tests use', () => {
  it('are valid Terms of Reference, so their paths are ones a real draft has', () => {
    for (const quorum of [COUNT_QUORUM, FRACTION_QUORUM]) {
      expect(validateTerms(filledDraft(quorum))).toMatchObject({ ok: true });
    }
  });
});

describe('every field of a filled draft', () => {
  const paths = [
    ...new Set([
      ...leafPaths(filledDraft(COUNT_QUORUM)),
      ...leafPaths(filledDraft(FRACTION_QUORUM)),
    ]),
  ];

  it('covers the fields this editor added', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'ending.endsOn',
        'membership.lapse.afterConsecutiveAbsences',
        'membership.lapse.apologiesCountAsAbsence',
        'membership.nonVotingRoles.1',
        'decisions.formalTestCalledBy.0',
        'decisions.ballot.mayChangeBeforeClose',
        'decisions.recordAllOpinions',
        'decisions.quorum.categoryMinimums.1.category',
        'decisions.quorum.categoryMinimums.1.min',
        'surveys.questions.2.key',
        'surveys.questions.2.text',
      ]),
    );
  });

  it('opens one of the editing steps', () => {
    const lost = paths.filter((path) => {
      const step = stepOf(path);
      return step === null || step < 0 || step >= EDIT_STEPS.length;
    });
    expect(lost).toEqual([]);
  });

  it('is named in plain words, for the error summary and the changed settings', () => {
    const unreadable = paths
      .map((path) => [path, fieldLabel(path)] as const)
      .filter(([, label]) => !readable(label));
    expect(unreadable).toEqual([]);
  });

  it('is shown at an input with a readable name, on the same step as the field', () => {
    const misplaced = paths.filter((path) => {
      const input = inputPath(path);
      return !readable(fieldLabel(input)) || stepOf(input) !== stepOf(path);
    });
    expect(misplaced).toEqual([]);
  });

  it('has an input whose name no other input of the draft shares', () => {
    const byLabel = new Map<string, Set<string>>();
    for (const path of paths) {
      const input = inputPath(path);
      const label = fieldLabel(input);
      byLabel.set(label, (byLabel.get(label) ?? new Set()).add(input));
    }
    const shared = [...byLabel].filter(([, inputs]) => inputs.size > 1);
    expect(shared).toEqual([]);
  });
});

describe('the fields this editor added', () => {
  it('open the step where a chair would look for them', () => {
    expect(stepOf('ending.endsOn')).toBe(stepTitled('Purpose'));
    expect(stepOf('membership.lapse')).toBe(stepTitled('Membership and roles'));
    expect(stepOf('membership.lapse.afterConsecutiveAbsences')).toBe(
      stepTitled('Membership and roles'),
    );
    expect(stepOf('membership.nonVotingRoles.0')).toBe(stepTitled('Membership and roles'));
    for (const path of [
      'decisions.formalTestCalledBy',
      'decisions.ballot.mayChangeBeforeClose',
      'decisions.recordAllOpinions',
      'decisions.quorum.categoryMinimums.0.category',
    ]) {
      expect(stepOf(path)).toBe(stepTitled('Decisions and information requests'));
    }
    expect(stepOf('surveys.questions.0.text')).toBe(stepTitled('Review and impact'));
  });

  it('name a server error by its field, as the chair sees it', () => {
    expect(fieldLabel('membership.lapse.afterConsecutiveAbsences')).toBe(
      'A member who misses this many meetings in a row stops being a member',
    );
    expect(fieldLabel('decisions.formalTestCalledBy')).toBe('Who can ask for a formal vote');
    expect(fieldLabel('decisions.formalTestCalledBy.1')).toBe('Who can ask for a formal vote');
    expect(fieldLabel('membership.nonVotingRoles.0')).toBe('Roles that take part but do not vote');
    expect(fieldLabel('decisions.quorum.categoryMinimums.1.min')).toBe(
      'Quorum category 2: how many must be there',
    );
    expect(fieldLabel('surveys.questions.0.text')).toBe('Survey question 1: what people are asked');
    expect(fieldLabel('surveys.questions.0.key')).toBe('Survey question 1');
    expect(fieldLabel('ending.endsOn')).toBe('End date');
  });

  it('name the lists and rules as a whole, for a problem with all of them', () => {
    for (const path of [
      'membership.lapse',
      'membership.nonVotingRoles',
      'decisions.formalTestCalledBy',
      'decisions.quorum.categoryMinimums',
      'surveys.questions',
    ]) {
      expect(readable(fieldLabel(path)), path).toBe(true);
      expect(inputPath(path)).toBe(path);
    }
  });

  it('put an error on one entry of a list of roles on the tick boxes of that list', () => {
    expect(inputPath('membership.nonVotingRoles.3')).toBe('membership.nonVotingRoles');
    expect(inputId('decisions.formalTestCalledBy.0')).toBe('draft-decisions-formalTestCalledBy');
  });

  it('put an error on the key of a survey question on the question, which the key is made from', () => {
    expect(inputPath('surveys.questions.4.key')).toBe('surveys.questions.4.text');
    expect(inputId('surveys.questions.4.key')).toBe('draft-surveys-questions-4-text');
  });

  it('put a category named twice, which the server reports at its key, on the category', () => {
    expect(inputPath('decisions.quorum.categoryMinimums.2.key')).toBe(
      'decisions.quorum.categoryMinimums.2.category',
    );
    expect(fieldLabel('decisions.quorum.categoryMinimums.2.key')).toBe('Quorum category 3');
  });

  it('show every problem the server finds with them at a readable input on their step', () => {
    const doc = filledDraft(COUNT_QUORUM) as unknown as Doc & Terms;
    const broken = {
      ...doc,
      ending: { endsOn: '2025-01-01', endsWhen: null },
      membership: {
        ...doc.membership,
        lapse: { afterConsecutiveAbsences: 0, apologiesCountAsAbsence: 'yes' },
        nonVotingRoles: ['observer', 'treasurer'],
      },
      decisions: {
        ...doc.decisions,
        formalTestCalledBy: [],
        ballot: { secret: true },
        recordAllOpinions: null,
        quorum: {
          kind: 'count',
          count: 2,
          categoryMinimums: [
            { category: 'carers', min: 3 },
            { category: 'carers', min: 1 },
            { category: 'Carers!', min: 0 },
          ],
        },
      },
      surveys: {
        ...doc.surveys,
        questions: [
          { key: 'listened_to', text: '' },
          { key: 'listened_to', text: 'I am able to make my point.' },
        ],
      },
    };
    const result = validateTerms(broken);
    if (result.ok) throw new Error('the broken draft was accepted');
    const paths = Object.keys(result.fields);
    expect(paths.sort()).toEqual([
      'decisions.ballot.mayChangeBeforeClose',
      'decisions.formalTestCalledBy',
      'decisions.quorum.categoryMinimums.0.min',
      'decisions.quorum.categoryMinimums.1.category',
      'decisions.quorum.categoryMinimums.2.category',
      'decisions.quorum.categoryMinimums.2.min',
      'decisions.recordAllOpinions',
      'ending.endsOn',
      'membership.lapse.afterConsecutiveAbsences',
      'membership.lapse.apologiesCountAsAbsence',
      'membership.nonVotingRoles.1',
      'surveys.questions.0.text',
      'surveys.questions.1.key',
    ]);
    const lost = paths.filter((path) => {
      const input = inputPath(path);
      return (
        stepOf(path) === null ||
        stepOf(input) !== stepOf(path) ||
        !readable(fieldLabel(path)) ||
        !readable(fieldLabel(input))
      );
    });
    expect(lost).toEqual([]);
  });

  it('give each field of a lapse rule and a quorum category its own input', () => {
    expect(inputId('membership.lapse.afterConsecutiveAbsences')).toBe(
      'draft-membership-lapse-afterConsecutiveAbsences',
    );
    expect(inputId('decisions.quorum.categoryMinimums.0.category')).toBe(
      'draft-decisions-quorum-categoryMinimums-0-category',
    );
  });

  it('number rows from 1, as people count', () => {
    expect(rowLabel('decisions.quorum.categoryMinimums', 0)).toBe('Quorum category 1');
    expect(rowLabel('surveys.questions', 9)).toBe('Survey question 10');
  });
});

describe('a key made from a title', () => {
  it('is the title in small letters, joined by underscores', () => {
    expect(keyFrom('Housing repairs', new Set())).toBe('housing_repairs');
    expect(keyFrom('  Carers’ assessments!  ', new Set())).toBe('carers_assessments');
    expect(keyFrom('Café & crèche', new Set())).toBe('cafe_creche');
  });

  it('starts with a letter, using the fallback word when the title does not', () => {
    expect(keyFrom('2nd opinions', new Set(), 'area')).toBe('area_2nd_opinions');
    expect(keyFrom('', new Set(), 'role')).toBe('role');
    expect(keyFrom('???', new Set(), 'question')).toBe('question');
  });

  it('is numbered when the plain key is taken, and is then taken itself', () => {
    const taken = new Set(['housing_repairs']);
    expect(keyFrom('Housing repairs', taken)).toBe('housing_repairs_2');
    expect(keyFrom('Housing repairs', taken)).toBe('housing_repairs_3');
    expect(taken).toEqual(new Set(['housing_repairs', 'housing_repairs_2', 'housing_repairs_3']));
  });

  it('is always a key the ToR accepts, and differs from every key already taken', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }), (titles) => {
        const taken = new Set<string>();
        const keys = titles.map((title) => keyFrom(title, taken, 'area'));
        for (const key of keys) expect(keySchema.safeParse(key).success, key).toBe(true);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

describe('a draft with keys', () => {
  function draft(): Doc {
    const doc = structuredClone(filledDraft(COUNT_QUORUM)) as unknown as Doc & Terms;
    doc.remit.inScope.push({ key: '', title: 'Area A', description: 'Another area A.' });
    doc.remit.outOfScope.push({ key: '', title: 'Housing', takeInstead: 'the housing board' });
    doc.workingGroups.push({ ...doc.workingGroups[0]!, key: '', title: 'Day centres' });
    doc.roles.otherRoles.push({ key: '', title: 'Chair', description: 'Another chair.' });
    doc.surveys.questions.push({ key: '', text: 'I feel listened to in this group.' });
    doc.surveys.questions.push({ key: '', text: 'I know what happened to my ideas.' });
    doc.decisions.quorum = {
      kind: 'count',
      count: 5,
      categoryMinimums: [
        { category: 'carers', min: 1 },
        { category: 'People who use services', min: 1 },
        { category: 'Carers', min: 1 },
        { category: '', min: 1 },
      ],
    };
    return doc;
  }
  const keyed = () => withKeys(draft()) as unknown as Terms;

  it('keeps every key a row already has, as other parts of the ToR name it', () => {
    const before = draft() as unknown as Terms;
    const after = keyed();
    expect(after.remit.inScope.slice(0, 3)).toEqual(before.remit.inScope.slice(0, 3));
    expect(after.workingGroups[0]).toEqual(before.workingGroups[0]);
    expect(after.roles.otherRoles[0]?.key).toBe('staff_adviser');
    expect(after.surveys.questions.slice(0, 3).map((q) => q.key)).toEqual([
      'listened_to',
      'made_my_point',
      'worth_my_time',
    ]);
    expect(after.impact.moodGoals[0]?.questionKey).toBe('listened_to');
  });

  it('gives each new row a key from its words, different from the keys it must differ from', () => {
    const after = keyed();
    // Remit areas in and out of scope share keys: Area A's is taken by the seed's area_a.
    expect(after.remit.inScope.at(-1)?.key).toBe('area_a_2');
    expect(after.remit.outOfScope.at(-1)?.key).toBe('housing');
    expect(after.workingGroups.at(-1)?.key).toBe('day_centres_2');
    // Every group has a chair: a role of the group's own called Chair needs another key.
    expect(after.roles.otherRoles.at(-1)?.key).toBe('chair_2');
    expect(after.surveys.questions.slice(3).map((q) => q.key)).toEqual([
      'i_feel_listened_to_in_this_group',
      'i_know_what_happened_to_my_ideas',
    ]);
  });

  it('is valid once made, apart from the problems the chair must fix', () => {
    const result = validateTerms(keyed());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The same category twice, and one not named: both are the chair's to fix, at their fields.
    expect(Object.keys(result.fields).sort()).toEqual([
      'decisions.quorum.categoryMinimums.2.category',
      'decisions.quorum.categoryMinimums.3.category',
    ]);
  });

  it('writes a quorum category typed in words as a key, and leaves an empty one to be named', () => {
    expect(keyed().decisions.quorum).toMatchObject({
      categoryMinimums: [
        { category: 'carers', min: 1 },
        { category: 'people_who_use_services', min: 1 },
        { category: 'carers', min: 1 },
        { category: '', min: 1 },
      ],
    });
  });

  it('is the same however many times it is saved, and a key stays when its title changes', () => {
    const once = withKeys(draft());
    expect(withKeys(once)).toEqual(once);
    const renamed = structuredClone(once) as unknown as Terms;
    renamed.workingGroups[2]!.title = 'Day centres in the north';
    renamed.surveys.questions[3]!.text = 'People in this group listen to me.';
    const again = withKeys(renamed as unknown as Doc) as unknown as Terms;
    expect(again.workingGroups[2]?.key).toBe('day_centres_2');
    expect(again.surveys.questions[3]?.key).toBe('i_feel_listened_to_in_this_group');
  });

  it('leaves the draft it was given as it was', () => {
    const doc = draft();
    const copy = structuredClone(doc);
    withKeys(doc);
    expect(doc).toEqual(copy);
  });
});
