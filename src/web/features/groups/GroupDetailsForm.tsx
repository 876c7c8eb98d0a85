import { FormattedMessage, useIntl } from 'react-intl';
import { updateGroupBody, type Group } from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { api, segment } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';

type Props = { group: Group; onSaved: () => void };

/** For chairs: rename the group or change its purpose line, tucked away until needed. */
export function GroupDetailsForm({ group, onSaved }: Props) {
  const intl = useIntl();
  const form = useFormState();
  const announce = useAnnounce();

  async function save(values: FormValues) {
    const body = validate(updateGroupBody, values);
    await api.patch<Group>(`/api/v1/groups/${segment(group.id)}`, body);
    announce(
      intl.formatMessage({
        id: 'groups.details.saved',
        defaultMessage: 'The name and purpose are saved.',
      }),
    );
    onSaved();
  }

  return (
    <details className="details">
      <summary>
        <FormattedMessage id="groups.details.open" defaultMessage="Change the name or purpose" />
      </summary>
      <Form
        id="group-details"
        state={form}
        labels={{
          name: intl.formatMessage({ id: 'groups.details.name', defaultMessage: 'Group name' }),
          purpose: intl.formatMessage({
            id: 'groups.details.purpose',
            defaultMessage: 'What is the group working towards?',
          }),
        }}
        onSubmit={save}
      >
        <TextField name="name" autoComplete="off" defaultValue={group.name} />
        <TextArea name="purpose" optional defaultValue={group.purpose} />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="groups.details.save" defaultMessage="Save changes" />
        </SubmitButton>
      </Form>
    </details>
  );
}
