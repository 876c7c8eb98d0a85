import { confirmRegistrationBody, type Me } from '../../../contracts/accounts.ts';
import { secretToken } from '../../../contracts/common.ts';
import { Form, PasswordField, SubmitButton } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { navigate } from '../../lib/router.ts';

type Props = { token: string; next: string | null; onSignedIn: (me: Me) => void };

/**
 * Where an emailed registration link lands (`/register/confirm#token=…`): the
 * password chosen when registering finishes it, so the link alone creates no
 * account for anyone.
 */
export function RegisterConfirmPage({ token, next, onSignedIn }: Props) {
  const form = useFormState();

  async function confirm(values: FormValues) {
    const body = validate(confirmRegistrationBody, { token, password: values.password ?? '' });
    const { user } = await api.post<{ user: Me }>('/api/v1/accounts/confirm', body);
    onSignedIn(user);
    navigate(next ?? '/groups', {
      replace: true,
      notice: `Your account is ready, and you are signed in. Welcome, ${user.name}.`,
    });
  }

  if (!secretToken.safeParse(token).success) {
    return (
      <Page title="This link is not complete">
        <p>
          Open the link from your email again. If you copied it, make sure you copied all of it.
        </p>
        <p>
          <Link to="/register">Register again</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Finish creating your account">
      <p>Enter the password you chose when you registered.</p>
      <Form
        id="register-confirm"
        state={form}
        labels={{ password: 'Your password' }}
        otherNames={{ token: 'This link' }}
        onSubmit={confirm}
      >
        <PasswordField name="password" autoComplete="current-password" />
        <SubmitButton busy={form.busy}>Create my account</SubmitButton>
      </Form>
      {form.problem && !form.problem.fields.password ? (
        <p>
          <Link to="/register">Register again</Link> or <Link to="/sign-in">sign in</Link>
        </p>
      ) : null}
    </Page>
  );
}
