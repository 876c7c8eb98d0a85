/**
 * Inputs that fuzzing found to answer 500, each now the usual validation
 * error naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, startTestApp, type Client, type TestApp } from '../../harness.ts';
import { expectError } from '../../support/errors.ts';

let t: TestApp;
let chair: Client;

beforeAll(async () => {
  t = await startTestApp();
  chair = t.client();
  await chair.register('Fuzzed Chair');
});
afterAll(async () => t?.close());

describe('inputs found by fuzzing', () => {
  it('a draft from the template in a time zone that does not exist is refused, naming choices.timeZone, and no draft is made', async () => {
    const groupId = await createGroup(chair);
    for (const timeZone of ['Mars/Olympus_Mons', '🬄⋈ʼ㌨', 'UTC+25']) {
      const answer = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, {
        from: 'template',
        choices: { timeZone },
      });
      expectError(answer, { status: 422, code: 'validation_failed', field: 'choices.timeZone' });
    }
    expect((await chair.get(`/api/v1/groups/${groupId}/terms/draft`)).status).toBe(404);
  });
});
