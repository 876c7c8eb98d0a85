import { useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Me } from '../../../contracts/accounts.ts';
import type { Group } from '../../../contracts/groups.ts';
import { commitBody } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem, useToProblem } from '../../components/Feedback.tsx';
import { Item } from '../../components/Item.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { hoursFrom } from './CommitToWorkingGroup.tsx';
import { groupApi, type CommitmentList } from './types.ts';
import './membership.css';

function hours(intl: IntlShape, n: number | null): string {
  if (n === null) {
    return intl.formatMessage({ id: 'membership.hours.none', defaultMessage: 'no set hours' });
  }
  return intl.formatMessage(
    {
      id: 'membership.hours.some',
      defaultMessage: '{count, plural, one {# hour a month} other {# hours a month}}',
    },
    { count: n },
  );
}

/**
 * On a working group's home: who has committed time to it, and how much;
 * commit your own (hours optional) or step back.
 */
export function CommitmentsSection({ group, me }: { group: Group; me: Me }) {
  const intl = useIntl();
  const toProblem = useToProblem();
  const path = groupApi(group.id, '/commitments');
  const list = useResource<CommitmentList>(path);
  const form = useFormState();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<ApiError | null>(null);

  async function commit(values: FormValues) {
    const body = validate(commitBody, { hoursPerMonth: hoursFrom(values) });
    await api.put(groupApi(group.id, '/commitment'), body);
    announce(
      intl.formatMessage(
        {
          id: 'membership.commitments.committed',
          defaultMessage: 'You have committed {hours} to {group}.',
        },
        { hours: hours(intl, body.hoursPerMonth), group: group.name },
      ),
    );
    list.reload();
  }

  function stepBack() {
    const question = intl.formatMessage(
      { id: 'membership.commitments.confirmStepBack', defaultMessage: 'Step back from {group}?' },
      { group: group.name },
    );
    if (!window.confirm(question)) return;
    setProblem(null);
    api.delete(groupApi(group.id, '/commitment')).then(
      () =>
        group.parent
          ? navigate(`/groups/${segment(group.parent.id)}`, {
              notice: intl.formatMessage(
                {
                  id: 'membership.commitments.steppedBack',
                  defaultMessage: 'You have stepped back from {group}.',
                },
                { group: group.name },
              ),
            })
          : list.reload(),
      (error: unknown) => setProblem(toProblem(error)),
    );
  }

  const commitWords = intl.formatMessage({
    id: 'membership.commitments.commit',
    defaultMessage: 'Commit time to this working group',
  });
  const commitments = list.data?.commitments ?? [];
  const mine = list.data?.mine ?? null;
  return (
    <section aria-labelledby="commitments-title" className="section">
      <h2 id="commitments-title">
        <FormattedMessage
          id="membership.commitments.heading"
          defaultMessage="Who is in this working group"
        />
      </h2>
      {list.error ? <LoadProblem error={list.error} retry={list.reload} /> : null}
      {list.loading ? <Loading /> : null}
      {list.data && list.data.workingGroup.remit.length > 0 ? (
        <p>
          <FormattedMessage
            id="membership.commitments.focus"
            defaultMessage="It focuses on: {areas}."
            values={{
              areas: intl.formatList(
                list.data.workingGroup.remit.map((area) => area.title),
                {
                  type: 'unit',
                },
              ),
            }}
          />
        </p>
      ) : null}
      {list.data && commitments.length === 0 ? (
        <p>
          <FormattedMessage
            id="membership.commitments.none"
            defaultMessage="No one has committed time to it yet."
          />
        </p>
      ) : null}
      {commitments.length > 0 ? (
        <ul
          className="item-list"
          aria-label={intl.formatMessage({
            id: 'membership.commitments.listLabel',
            defaultMessage: 'People who have committed time',
          })}
        >
          {commitments.map((c) => (
            <Item
              key={c.userId}
              title={<PersonName name={c.name} isMe={c.userId === me.id} />}
              about={hours(intl, c.hoursPerMonth)}
            />
          ))}
        </ul>
      ) : null}
      {list.data ? (
        <>
          <h3 id="commit-title">
            {mine ? (
              <FormattedMessage
                id="membership.commitments.change"
                defaultMessage="Change the time you commit"
              />
            ) : (
              commitWords
            )}
          </h3>
          {mine ? (
            <p>
              <FormattedMessage
                id="membership.commitments.mine"
                defaultMessage="You have committed {hours}."
                values={{ hours: hours(intl, mine.hoursPerMonth) }}
              />
            </p>
          ) : null}
          <Form
            id="commit"
            state={form}
            labels={{
              hoursPerMonth: intl.formatMessage({
                id: 'membership.commitments.hours',
                defaultMessage: 'Hours a month',
              }),
            }}
            onSubmit={commit}
            labelledBy="commit-title"
          >
            <TextField
              name="hoursPerMonth"
              optional
              inputMode="numeric"
              autoComplete="off"
              defaultValue={mine?.hoursPerMonth != null ? String(mine.hoursPerMonth) : ''}
              hint={intl.formatMessage({
                id: 'membership.commitments.hoursHint',
                defaultMessage:
                  'Roughly how many hours a month you can give. Leave it empty if you would rather not say.',
              })}
            />
            <SubmitButton busy={form.busy}>
              {mine ? (
                <FormattedMessage
                  id="membership.commitments.save"
                  defaultMessage="Save my commitment"
                />
              ) : (
                commitWords
              )}
            </SubmitButton>
          </Form>
          {mine ? (
            <>
              <button type="button" className="button button-secondary" onClick={stepBack}>
                <FormattedMessage
                  id="membership.commitments.stepBack"
                  defaultMessage="Step back from this working group"
                />
              </button>
              <Problem error={problem} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
