import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type TestApp } from '../harness.ts';
import { expectSuccess } from '../support/errors.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

it('a group home shows its purpose, parent, working groups and how many people it has', async () => {
  const chair = t.client();
  await chair.register('Home Chair');
  const steering = await createGroup(chair, 'Steering group');
  const housing = await createGroup(chair, 'Housing working group', steering);
  await createGroup(chair, 'Access working group', steering);
  const participant = t.client();
  await participant.register('Home Participant');
  await joinGroup(chair, participant, steering);

  const home = expectSuccess(await participant.call('getGroup', { groupId: steering }), 200);
  expect(home).toMatchObject({
    name: 'Steering group',
    purpose: 'Implement the consultation decisions',
    parent: null,
    myRole: 'participant',
    peopleCount: 2,
  });
  expect(home.workingGroups.map((w) => w.name)).toEqual([
    'Access working group',
    'Housing working group',
  ]);
  const working = await chair.callOk('getGroup', { groupId: housing });
  expect(working).toMatchObject({
    parent: { id: steering, name: 'Steering group' },
    workingGroups: [],
    peopleCount: 1,
  });
});
