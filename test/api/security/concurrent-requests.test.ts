/**
 * The same request sent several times at once, as a double click, a retry or
 * two tabs do: each answers as it would alone, never 500. Found by fuzzing on
 * PostgreSQL, where requests really run at the same time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, startTestApp, type Client, type TestApp } from '../../harness.ts';
import { expectSuccess } from '../../support/errors.ts';
import { adoptTerms } from '../../support/meetings.ts';

let t: TestApp;
let chair: Client;
let groupId: string;

beforeAll(async () => {
  t = await startTestApp();
  chair = t.client();
  await chair.register('Busy Chair');
  groupId = await createGroup(chair);
  await adoptTerms(chair, groupId);
});
afterAll(async () => t?.close());

describe('the same request several times at once', () => {
  it('scheduling the meetings of one group twelve times at once, over different horizons: all 200, each meeting made once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        chair.call('scheduleMeetings', { groupId, months: 1 + i }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    const [row] = await t.database.query<{ all: string; distinct: string }>(
      `select count(*) as all, count(distinct occurrence_date) as distinct
       from meetings where group_id = $1 and source = 'cadence'`,
      [groupId],
    );
    expect(Number(row?.all)).toBe(Number(row?.distinct));
  });

  it('committing to a working group eight times at once: all 200, one current commitment', async () => {
    const workingGroup = await createGroup(chair, 'Repairs working group', groupId);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        chair.call('joinWorkingGroup', { groupId: workingGroup, hoursPerMonth: i % 2 ? null : 4 }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const listed = await chair.call('listWorkingGroupCommitments', { groupId: workingGroup });
    expect(expectSuccess(listed, 200).commitments).toHaveLength(1);
  });
});
