import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import { createGroupBody, type Group, type joined } from '../../../contracts/groups.ts';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { api, segment } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { navigate } from '../../lib/router.ts';

type Props = {
  group: Group;
  canCreate: boolean;
  /** More under each working group, from another feature (committing time to it). */
  aboutWorkingGroup?: ((workingGroup: { id: string; name: string }) => ReactNode) | undefined;
};

export function WorkingGroupsSection({ group, canCreate, aboutWorkingGroup }: Props) {
  const intl = useIntl();
  const form = useFormState();

  async function create(values: FormValues) {
    const body = validate(createGroupBody, { ...values, parentId: group.id });
    const created = await api.post<z.infer<typeof joined>>('/api/v1/groups', body);
    navigate(`/groups/${segment(created.group.id)}`, {
      notice: intl.formatMessage(
        {
          id: 'groups.workingGroups.created',
          defaultMessage:
            'The working group is ready, and you are its chair. It is part of {name}.',
        },
        { name: group.name },
      ),
    });
  }

  return (
    <section aria-labelledby="working-groups-title" className="section">
      <h2 id="working-groups-title">
        <FormattedMessage id="groups.workingGroups.title" defaultMessage="Working groups" />
      </h2>
      <p>
        <FormattedMessage
          id="groups.workingGroups.intro"
          defaultMessage="Smaller groups that focus on one part of the work."
        />
      </p>
      {group.workingGroups.length === 0 ? (
        <p>
          <FormattedMessage
            id="groups.workingGroups.none"
            defaultMessage="There are no working groups yet."
          />
        </p>
      ) : (
        <ul className="item-list" aria-labelledby="working-groups-title">
          {group.workingGroups.map((wg) => (
            <li key={wg.id} className="item">
              <div className="item-main">
                <p className="item-title">
                  <Link to={`/groups/${segment(wg.id)}`}>{wg.name}</Link>
                </p>
                {wg.purpose ? <p>{wg.purpose}</p> : null}
                {aboutWorkingGroup?.(wg)}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canCreate ? (
        <details className="details">
          <summary>
            <FormattedMessage
              id="groups.workingGroups.start"
              defaultMessage="Start a working group"
            />
          </summary>
          <Form
            id="new-working-group"
            state={form}
            labels={{
              name: intl.formatMessage({
                id: 'groups.workingGroups.name',
                defaultMessage: 'Working group name',
              }),
              purpose: intl.formatMessage({
                id: 'groups.workingGroups.purpose',
                defaultMessage: 'What will it focus on?',
              }),
            }}
            onSubmit={create}
          >
            <TextField name="name" autoComplete="off" />
            <TextArea name="purpose" optional />
            <SubmitButton busy={form.busy}>
              <FormattedMessage
                id="groups.workingGroups.create"
                defaultMessage="Create working group"
              />
            </SubmitButton>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
