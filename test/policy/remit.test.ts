import { describe, expect, it } from 'vitest';
import { carersPartnershipBoard as carers } from '../../src/policy/fixtures/index.ts';
import { remitCheck } from '../../src/policy/index.ts';

describe('whether an agenda item is in remit', () => {
  it('an item under an in-scope area is in scope', () => {
    expect(remitCheck('breaks', carers)).toMatchObject({
      verdict: 'in_scope',
      area: { key: 'breaks', title: 'Short breaks and respite' },
    });
  });

  it('an item under an out-of-scope area goes outside the meeting, with where to take it', () => {
    expect(remitCheck('individual_assessments', carers)).toEqual({
      verdict: 'out_of_scope',
      title: "A person's own carer's assessment",
      takeInstead: "the council's adult social care team",
    });
  });

  it('an item with no area, or an area the ToR does not name, needs a chair to look at it', () => {
    expect(remitCheck(undefined, carers)).toEqual({
      verdict: 'needs_review',
      reason: 'the item does not name a remit area',
    });
    expect(remitCheck('parking', carers)).toEqual({
      verdict: 'needs_review',
      reason: 'the remit does not name an area "parking"',
    });
  });

  it("a working group's meeting covers only its own part of the remit", () => {
    expect(
      remitCheck('young_carers_support', carers, { workingGroup: 'young_carers' }).verdict,
    ).toBe('in_scope');
    expect(remitCheck('breaks', carers, { workingGroup: 'young_carers' })).toEqual({
      verdict: 'out_of_scope',
      title: 'Short breaks and respite',
      takeInstead:
        "the Carers' breaks and health working group, which covers Short breaks and respite",
    });
    expect(remitCheck('strategy', carers, { workingGroup: 'young_carers' })).toMatchObject({
      verdict: 'out_of_scope',
      takeInstead: 'the main group: Young carers does not cover The carers strategy',
    });
  });
});
