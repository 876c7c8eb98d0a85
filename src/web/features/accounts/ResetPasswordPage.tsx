import { resetPasswordBody, type Me } from '../../../contracts/accounts.ts';
import { secretToken } from '../../../contracts/common.ts';
import { Form, PasswordField, SubmitButton } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { navigate } from '../../lib/router.ts';

type Props = { token: string; onSignedIn: (me: Me) => void };

/** Where an emailed reset link lands (`/reset-password#token=…`). */
export function ResetPasswordPage({ token, onSignedIn }: Props) {
  const form = useFormState();

  async function reset(values: FormValues) {
    const body = validate(resetPasswordBody, { token, password: values.password ?? '' });
    const { user } = await api.post<{ user: Me }>('/api/v1/password-resets/complete', body);
    onSignedIn(user);
    navigate('/groups', {
      replace: true,
      notice: 'Your new password is saved, and you are signed in.',
    });
  }

  if (!secretToken.safeParse(token).success) {
    return (
      <Page title="This reset link is not complete">
        <p>
          Open the link from your email again. If you copied it, make sure you copied all of it.
        </p>
        <p>
          <Link to="/forgot-password">Get a new reset link</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Choose a new password">
      <Form
        id="reset"
        state={form}
        labels={{ password: 'New password' }}
        otherNames={{ token: 'This reset link' }}
        onSubmit={reset}
      >
        <PasswordField
          name="password"
          autoComplete="new-password"
          hint="At least 10 characters. A few everyday words in a row are easy to remember and hard to guess."
        />
        <SubmitButton busy={form.busy}>Save new password</SubmitButton>
      </Form>
      {form.problem && !form.problem.fields.password ? (
        <p>
          <Link to="/forgot-password">Get a new reset link</Link>
        </p>
      ) : null}
    </Page>
  );
}
