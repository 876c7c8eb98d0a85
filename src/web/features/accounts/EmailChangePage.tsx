import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Me } from '../../../contracts/accounts.ts';
import { secretToken } from '../../../contracts/common.ts';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { CheckingLink, IncompleteLink, useEmailedLink } from './EmailedLink.tsx';

type Props = { token: string; me: Me | null; onChanged: (me: Me) => void };

/** Where the link sent to a new email address lands: it confirms the change, once. */
export function EmailChangePage({ token, me, onChanged }: Props) {
  const intl = useIntl();
  const [done, setDone] = useState<Me | null>(null);
  const complete = secretToken.safeParse(token).success;
  const problem = useEmailedLink({
    complete,
    send: () => api.post<{ user: Me }>('/api/v1/me/email/confirm', { token }),
    done: ({ user }) => {
      // Only the account signed in here is updated; opening the link signs no one in.
      if (me?.id === user.id) onChanged(user);
      setDone(user);
    },
    unexpected: intl.formatMessage({
      id: 'accounts.emailChange.unexpected',
      defaultMessage: 'Something went wrong.',
    }),
  });

  const onwards = me ? (
    <Link to="/account">
      <FormattedMessage id="accounts.emailChange.toAccount" defaultMessage="Go to your account" />
    </Link>
  ) : (
    <Link to="/sign-in">
      <FormattedMessage id="accounts.emailChange.signIn" defaultMessage="Sign in" />
    </Link>
  );

  if (!complete || problem?.code === 'validation_failed') {
    return (
      <IncompleteLink
        title={intl.formatMessage({
          id: 'accounts.emailChange.incomplete',
          defaultMessage: 'This link is not complete',
        })}
        to="/account"
      />
    );
  }
  if (problem) {
    return (
      <Page
        title={intl.formatMessage({
          id: 'accounts.emailChange.notChanged',
          defaultMessage: 'Your email address was not changed',
        })}
      >
        <p>{problem.message}</p>
        <p>{onwards}</p>
      </Page>
    );
  }
  if (done) {
    return (
      <Page
        title={intl.formatMessage({
          id: 'accounts.emailChange.changed',
          defaultMessage: 'Your email address is changed',
        })}
      >
        <p>
          <FormattedMessage
            id="accounts.emailChange.now"
            defaultMessage="Your Accord email address is now <b>{email}</b>. Sign in with it from now on."
            values={{ email: done.email, b: (chunks) => <strong>{chunks}</strong> }}
          />
        </p>
        <p>{onwards}</p>
      </Page>
    );
  }
  return (
    <CheckingLink
      title={intl.formatMessage({
        id: 'accounts.emailChange.title',
        defaultMessage: 'Changing your email address',
      })}
    />
  );
}
