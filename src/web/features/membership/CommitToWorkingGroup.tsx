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
  const form = useFormState();

  async function commit(values: FormValues) {
    const body = validate(commitBody, { hoursPerMonth: hoursFrom(values) });
    await api.put(groupApi(workingGroup.id, '/commitment'), body);
    navigate(`/groups/${segment(workingGroup.id)}`, {
      notice: `You have committed time to ${workingGroup.name}, and you are now in it.`,
    });
  }

  return (
    <details className="details">
      <summary>
        Commit time<span className="visually-hidden"> to {workingGroup.name}</span>
      </summary>
      <Form
        id={`commit-${workingGroup.id}`}
        state={form}
        labels={{ hoursPerMonth: `Hours a month for ${workingGroup.name}` }}
        onSubmit={commit}
      >
        <TextField
          name="hoursPerMonth"
          optional
          inputMode="numeric"
          autoComplete="off"
          hint="Roughly how many hours a month you can give. Leave it empty if you would rather not say."
        />
        <SubmitButton busy={form.busy}>Commit time to this working group</SubmitButton>
      </Form>
    </details>
  );
}
