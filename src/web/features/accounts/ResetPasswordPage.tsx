import { defineMessage, FormattedMessage, useIntl } from 'react-intl';
import { resetPasswordBody, type Me } from '../../../contracts/accounts.ts';
import { secretToken } from '../../../contracts/common.ts';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useSignedIn } from './signedIn.ts';
import { IncompleteLink } from './EmailedLink.tsx';
import { NewPasswordField } from './fields.tsx';

type Props = { token: string; onSignedIn: (me: Me) => void };

const SAVED = defineMessage({
  id: 'accounts.reset.saved',
  defaultMessage: 'Your new password is saved, and you are signed in.',
});

/** Where an emailed reset link lands (`/reset-password#token=…`). */
export function ResetPasswordPage({ token, onSignedIn }: Props) {
  const intl = useIntl();
  const signedIn = useSignedIn(onSignedIn);
  const form = useFormState();
  const newLink = intl.formatMessage({
    id: 'accounts.reset.newLink',
    defaultMessage: 'Get a new reset link',
  });

  async function reset(values: FormValues) {
    const body = validate(resetPasswordBody, { token, password: values.password ?? '' });
    const { user } = await api.post<{ user: Me }>('/api/v1/password-resets/complete', body);
    signedIn(user, '/groups', SAVED);
  }

  if (!secretToken.safeParse(token).success) {
    return (
      <IncompleteLink
        title={intl.formatMessage({
          id: 'accounts.reset.incomplete',
          defaultMessage: 'This reset link is not complete',
        })}
        to="/forgot-password"
        action={newLink}
      />
    );
  }
  return (
    <Page
      title={intl.formatMessage({
        id: 'accounts.reset.title',
        defaultMessage: 'Choose a new password',
      })}
    >
      <Form
        id="reset"
        state={form}
        labels={{
          password: intl.formatMessage({
            id: 'accounts.reset.password',
            defaultMessage: 'New password',
          }),
        }}
        otherNames={{
          token: intl.formatMessage({
            id: 'accounts.reset.token',
            defaultMessage: 'This reset link',
          }),
        }}
        onSubmit={reset}
      >
        <NewPasswordField />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="accounts.reset.submit" defaultMessage="Save new password" />
        </SubmitButton>
      </Form>
      {form.problem && !form.problem.fields.password ? (
        <p>
          <Link to="/forgot-password">{newLink}</Link>
        </p>
      ) : null}
    </Page>
  );
}
