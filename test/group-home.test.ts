import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type TestApp } from './harness.ts';

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

  const home = await participant.get(`/api/v1/groups/${steering}`);
  expect(home.status).toBe(200);
  expect(home.body).toMatchObject({
    name: 'Steering group',
    purpose: 'Implement the consultation decisions',
    parent: null,
    myRole: 'participant',
    peopleCount: 2,
  });
  expect(home.body.workingGroups.map((w: { name: string }) => w.name)).toEqual([
    'Access working group',
    'Housing working group',
  ]);
  const working = await chair.get(`/api/v1/groups/${housing}`);
  expect(working.body).toMatchObject({
    parent: { id: steering, name: 'Steering group' },
    workingGroups: [],
    peopleCount: 1,
  });
});
