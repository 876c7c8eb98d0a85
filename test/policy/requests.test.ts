import { describe, expect, it } from 'vitest';
import { seedDefault } from '../../src/policy/fixtures/index.ts';
import { assessInformationRequest, type InformationRequest } from '../../src/policy/index.ts';

const request: InformationRequest = {
  organisationId: 'council',
  requestedBy: 'sam',
  purpose: 'To see how long repairs take.',
  sentOn: '2026-03-01',
  answerBy: '2026-03-15',
};

describe('whether an information request is reasonable', () => {
  it('is reasonable with enough time to answer and within the open-request limits', () => {
    const open = [
      { organisationId: 'council', requestedBy: 'ali' },
      { organisationId: 'nhs', requestedBy: 'sam' },
    ];
    expect(assessInformationRequest(request, open, seedDefault)).toEqual({
      reasonable: true,
      reasons: [],
    });
  });

  it('lists every reason it is not', () => {
    const open = [
      { organisationId: 'council', requestedBy: 'sam' },
      { organisationId: 'council', requestedBy: 'sam' },
      { organisationId: 'council', requestedBy: 'ali' },
    ];
    const tooSoon = { ...request, purpose: ' ', answerBy: '2026-03-05' };
    expect(assessInformationRequest(tooSoon, open, seedDefault)).toEqual({
      reasonable: false,
      reasons: [
        'say what the information is for',
        'give at least 14 days to answer (this gives 4)',
        'this organisation already has 3 open requests from the group; the limit is 3',
        'you already have 2 open requests; the limit is 2 per person',
      ],
    });
  });

  it('an answer date before the request is sent gives no time at all', () => {
    const backwards = { ...request, answerBy: '2026-02-20' };
    expect(assessInformationRequest(backwards, [], seedDefault).reasons).toEqual([
      'give at least 14 days to answer (this gives 0)',
    ]);
  });
});
