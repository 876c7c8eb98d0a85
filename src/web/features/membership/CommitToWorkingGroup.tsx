import { FormattedMessage, useIntl } from 'react-intl';
import { commitBody } from '../../../contracts/meetings.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, segment } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { navigate } from '../../lib/router.ts';
import { groupApi } from './types.ts';

/** Hours a month as the form gives them: empty is "rather not say", digits a number. */
export function hoursFrom(values: FormValues): unknown {
  const given = values.hoursPerMonth?.trim() ?? '';
  if (given === '') return null;
  return /^\d+$/.test(given) ? Number(given) : given;
}

/**
 * In the steering group's list of working groups: join one by committing time
 * to it (hours optional), then go to its page.
 */
export function CommitToWorkingGroup({
  workingGroup,
}: {
  workingGroup: { id: string; name: string };
}) {
  const intl = useIntl();
  const form = useFormState();

  async function commit(values: FormValues) {
    const body = validate(commitBody, { hoursPerMonth: hoursFrom(values) });
    await api.put(groupApi(workingGroup.id, '/commitment'), body);
    navigate(`/groups/${segment(workingGroup.id)}`, {
      notice: intl.formatMessage(
        {
          id: 'membership.commit.done',
          defaultMessage: 'You have committed time to {group}, and you are now in it.',
        },
        { group: workingGroup.name },
      ),
    });
  }

  return (
    <details className="details">
      <summary>
        <FormattedMessage
          id="membership.commit.open"
          defaultMessage="Commit time<hidden> to {group}</hidden>"
          values={{
            group: workingGroup.name,
            hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
          }}
        />
      </summary>
      <Form
        id={`commit-${workingGroup.id}`}
        state={form}
        labels={{
          hoursPerMonth: intl.formatMessage(
            { id: 'membership.commit.hoursFor', defaultMessage: 'Hours a month for {group}' },
            { group: workingGroup.name },
          ),
        }}
        onSubmit={commit}
      >
        <TextField
          name="hoursPerMonth"
          optional
          inputMode="numeric"
          autoComplete="off"
          hint={intl.formatMessage({
            id: 'membership.commit.hoursHint',
            defaultMessage:
              'Roughly how many hours a month you can give. Leave it empty if you would rather not say.',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage
            id="membership.commit.submit"
            defaultMessage="Commit time to this working group"
          />
        </SubmitButton>
      </Form>
    </details>
  );
}
