import { defineMessage, useIntl } from 'react-intl';
import type { Me } from '../../../contracts/accounts.ts';
import { secretToken } from '../../../contracts/common.ts';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useSignedIn } from './signedIn.ts';
import { CheckingLink, IncompleteLink, useEmailedLink } from './EmailedLink.tsx';

type Props = { token: string; next: string | null; onSignedIn: (me: Me) => void };

const WELCOME = defineMessage({
  id: 'accounts.signInLink.welcome',
  defaultMessage: 'You are signed in. Welcome, {name}.',
});

/** Where an emailed sign-in link lands: it signs in with the token from the link's fragment. */
export function SignInLinkPage({ token, next, onSignedIn }: Props) {
  const intl = useIntl();
  const signedIn = useSignedIn(onSignedIn);
  const complete = secretToken.safeParse(token).success;
  const newLink = intl.formatMessage({
    id: 'accounts.signInLink.newLink',
    defaultMessage: 'Get a new sign-in link',
  });

  const problem = useEmailedLink({
    complete,
    send: () => api.post<{ user: Me }>('/api/v1/session/link', { token }),
    done: ({ user }) => {
      // Back where the link was asked for (an invitation, say), or to My groups.
      signedIn(user, next ?? '/groups', WELCOME);
    },
    unexpected: intl.formatMessage({
      id: 'accounts.signInLink.unexpected',
      defaultMessage: 'Something went wrong.',
    }),
  });

  if (!complete || problem?.code === 'validation_failed') {
    return (
      <IncompleteLink
        title={intl.formatMessage({
          id: 'accounts.signInLink.incomplete',
          defaultMessage: 'This sign-in link is not complete',
        })}
        to="/sign-in"
        action={newLink}
      />
    );
  }
  if (problem) {
    return (
      <Page
        title={intl.formatMessage({
          id: 'accounts.signInLink.failed',
          defaultMessage: 'This sign-in link did not work',
        })}
      >
        <p>{problem.message}</p>
        <p>
          <Link to="/sign-in">{newLink}</Link>
        </p>
      </Page>
    );
  }
  return (
    <CheckingLink
      title={intl.formatMessage({
        id: 'accounts.signInLink.title',
        defaultMessage: 'Signing you in',
      })}
    />
  );
}
