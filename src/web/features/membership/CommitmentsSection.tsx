import { useState } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import type { Group } from '../../../contracts/groups.ts';
import { commitBody } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { hoursFrom } from './CommitToWorkingGroup.tsx';
import { groupApi, type CommitmentList } from './types.ts';
import './membership.css';

function hours(n: number | null): string {
  if (n === null) return 'no set hours';
  return n === 1 ? '1 hour a month' : `${n} hours a month`;
}

/**
 * On a working group's home: who has committed time to it, and how much;
 * commit your own (hours optional) or step back.
 */
export function CommitmentsSection({ group, me }: { group: Group; me: Me }) {
  const path = groupApi(group.id, '/commitments');
  const list = useResource<CommitmentList>(path);
  const form = useFormState();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<ApiError | null>(null);

  async function commit(values: FormValues) {
    const body = validate(commitBody, { hoursPerMonth: hoursFrom(values) });
    await api.put(groupApi(group.id, '/commitment'), body);
    announce(`You have committed ${hours(body.hoursPerMonth)} to ${group.name}.`);
    list.reload();
  }

  function stepBack() {
    if (!window.confirm(`Step back from ${group.name}?`)) return;
    setProblem(null);
    api.delete(groupApi(group.id, '/commitment')).then(
      () =>
        group.parent
          ? navigate(`/groups/${segment(group.parent.id)}`, {
              notice: `You have stepped back from ${group.name}.`,
            })
          : list.reload(),
      (error: unknown) =>
        setProblem(
          error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.'),
        ),
    );
  }

  const commitments = list.data?.commitments ?? [];
  const mine = list.data?.mine ?? null;
  return (
    <section aria-labelledby="commitments-title" className="section">
      <h2 id="commitments-title">Who is in this working group</h2>
      {list.error ? <LoadProblem error={list.error} retry={list.reload} /> : null}
      {list.loading ? <Loading /> : null}
      {list.data && list.data.workingGroup.remit.length > 0 ? (
        <p>It focuses on: {list.data.workingGroup.remit.map((area) => area.title).join(', ')}.</p>
      ) : null}
      {list.data && commitments.length === 0 ? <p>No one has committed time to it yet.</p> : null}
      {commitments.length > 0 ? (
        <ul className="item-list" aria-label="People who have committed time">
          {commitments.map((c) => (
            <li key={c.userId} className="item">
              <div className="item-main">
                <p className="item-title">
                  {c.name}
                  {c.userId === me.id ? ' (you)' : ''}
                </p>
                <p className="muted">{hours(c.hoursPerMonth)}</p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {list.data ? (
        <>
          <h3 id="commit-title">
            {mine ? 'Change the time you commit' : 'Commit time to this working group'}
          </h3>
          {mine ? <p>You have committed {hours(mine.hoursPerMonth)}.</p> : null}
          <Form
            id="commit"
            state={form}
            labels={{ hoursPerMonth: 'Hours a month' }}
            onSubmit={commit}
            labelledBy="commit-title"
          >
            <TextField
              name="hoursPerMonth"
              optional
              inputMode="numeric"
              autoComplete="off"
              defaultValue={mine?.hoursPerMonth != null ? String(mine.hoursPerMonth) : ''}
              hint="Roughly how many hours a month you can give. Leave it empty if you would rather not say."
            />
            <SubmitButton busy={form.busy}>
              {mine ? 'Save my commitment' : 'Commit time to this working group'}
            </SubmitButton>
          </Form>
          {mine ? (
            <>
              <button type="button" className="button button-secondary" onClick={stepBack}>
                Step back from this working group
              </button>
              <Problem error={problem} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
