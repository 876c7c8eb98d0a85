import { defineMessage, FormattedMessage, useIntl } from 'react-intl';
import { confirmRegistrationBody, type Me } from '../../../contracts/accounts.ts';
import { secretToken } from '../../../contracts/common.ts';
import { Form, PasswordField, SubmitButton } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useSignedIn } from './signedIn.ts';
import { IncompleteLink } from './EmailedLink.tsx';

type Props = { token: string; next: string | null; onSignedIn: (me: Me) => void };

const WELCOME = defineMessage({
  id: 'accounts.registerConfirm.welcome',
  defaultMessage: 'Your account is ready, and you are signed in. Welcome, {name}.',
});

/**
 * Where an emailed registration link lands (`/register/confirm#token=…`): the
 * password chosen when registering finishes it, so the link alone creates no
 * account for anyone.
 */
export function RegisterConfirmPage({ token, next, onSignedIn }: Props) {
  const intl = useIntl();
  const signedIn = useSignedIn(onSignedIn);
  const form = useFormState();

  async function confirm(values: FormValues) {
    const body = validate(confirmRegistrationBody, { token, password: values.password ?? '' });
    const { user } = await api.post<{ user: Me }>('/api/v1/accounts/confirm', body);
    signedIn(user, next ?? '/groups', WELCOME);
  }

  if (!secretToken.safeParse(token).success) {
    return (
      <IncompleteLink
        title={intl.formatMessage({
          id: 'accounts.registerConfirm.incomplete',
          defaultMessage: 'This link is not complete',
        })}
        to="/register"
        action={intl.formatMessage({
          id: 'accounts.registerConfirm.again',
          defaultMessage: 'Register again',
        })}
      />
    );
  }
  return (
    <Page
      title={intl.formatMessage({
        id: 'accounts.registerConfirm.title',
        defaultMessage: 'Finish creating your account',
      })}
    >
      <p>
        <FormattedMessage
          id="accounts.registerConfirm.lead"
          defaultMessage="Enter the password you chose when you registered."
        />
      </p>
      <Form
        id="register-confirm"
        state={form}
        labels={{
          password: intl.formatMessage({
            id: 'accounts.registerConfirm.password',
            defaultMessage: 'Your password',
          }),
        }}
        otherNames={{
          token: intl.formatMessage({
            id: 'accounts.registerConfirm.token',
            defaultMessage: 'This link',
          }),
        }}
        onSubmit={confirm}
      >
        <PasswordField name="password" autoComplete="current-password" />
        <SubmitButton busy={form.busy}>
          <FormattedMessage
            id="accounts.registerConfirm.submit"
            defaultMessage="Create my account"
          />
        </SubmitButton>
      </Form>
      {form.problem && !form.problem.fields.password ? (
        <p>
          <FormattedMessage
            id="accounts.registerConfirm.or"
            defaultMessage="<register>Register again</register> or <signIn>sign in</signIn>"
            values={{
              register: (chunks) => <Link to="/register">{chunks}</Link>,
              signIn: (chunks) => <Link to="/sign-in">{chunks}</Link>,
            }}
          />
        </p>
      ) : null}
    </Page>
  );
}
