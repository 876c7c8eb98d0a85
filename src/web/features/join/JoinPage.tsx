import { useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import { secretToken } from '../../../contracts/common.ts';
import type { invitationPreview, joined } from '../../../contracts/groups.ts';
import { Loading, LoadProblem, Problem, useToProblem } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import { SignInOrRegister } from '../../components/SignInOrRegister.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';

type Props = {
  /** The invitation token: the whole fragment of /join#TOKEN. */
  token: string;
  signedIn: boolean;
};

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  joinPurpose: { id: 'join.purpose', defaultMessage: 'What the group is working towards' },
  joinAccount: { id: 'join.account.title', defaultMessage: 'First, sign in' },
});

/** Where an invitation link lands: what the group is, then a button to join it. */
export function JoinPage({ token, signedIn }: Props) {
  const intl = useIntl();
  const toProblem = useToProblem();
  const complete = secretToken.safeParse(token).success;
  const preview = useResource<z.infer<typeof invitationPreview>>(
    complete ? `/api/v1/invitations/${segment(token)}` : null,
  );
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (!complete) {
    return (
      <Page
        title={intl.formatMessage({
          id: 'join.incomplete.title',
          defaultMessage: 'This invitation link is not complete',
        })}
      >
        <p>
          <FormattedMessage
            id="join.incomplete.lead"
            defaultMessage="Open the link you were sent again. If you copied it, make sure you copied all of it, or ask the group for a new link."
          />
        </p>
      </Page>
    );
  }
  if (preview.error?.code === 'not_found') {
    return (
      <Page
        title={intl.formatMessage({
          id: 'join.notFound.title',
          defaultMessage: 'This invitation link does not work',
        })}
      >
        <p>{preview.error.message}</p>
      </Page>
    );
  }
  if (!preview.data) {
    return (
      <Page
        title={intl.formatMessage({ id: 'join.loading.title', defaultMessage: 'Invitation' })}
        busy
      >
        {preview.error ? <LoadProblem error={preview.error} retry={preview.reload} /> : <Loading />}
      </Page>
    );
  }

  const group = preview.data.group;
  const back = `/join#${token}`;

  function join() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    api.post<z.infer<typeof joined>>('/api/v1/join', { token }).then(
      (answer) =>
        navigate(`/groups/${segment(answer.group.id)}`, {
          replace: true,
          notice: intl.formatMessage(
            { id: 'join.joined', defaultMessage: 'Welcome! You have joined {group}.' },
            { group: answer.group.name },
          ),
        }),
      (error: unknown) => {
        setBusy(false);
        setProblem(toProblem(error));
      },
    );
  }

  return (
    <Page
      title={intl.formatMessage(
        { id: 'join.title', defaultMessage: 'Join {group}' },
        { group: group.name },
      )}
    >
      <p>
        <FormattedMessage id="join.invited" defaultMessage="You are invited to join this group." />
      </p>
      {group.purpose ? (
        <Section id="join-purpose" heading={SECTIONS.joinPurpose} className="panel">
          <p className="purpose">{group.purpose}</p>
        </Section>
      ) : null}
      <p>
        <FormattedMessage
          id="join.welcome"
          defaultMessage="Everyone is welcome. You join as a participant: you can come to meetings and take part in discussions. Once you have been to more than one meeting, you count as a member."
        />
      </p>
      {signedIn ? (
        <>
          <button type="button" className="button" onClick={join} aria-disabled={busy || undefined}>
            <FormattedMessage
              id="join.button"
              defaultMessage="Join {group}"
              values={{ group: group.name }}
            />
          </button>
          <Problem error={problem} />
        </>
      ) : (
        <Section id="join-account" heading={SECTIONS.joinAccount}>
          <p>
            <FormattedMessage
              id="join.account.lead"
              defaultMessage="To join you need an Accord account. Create one or sign in, and you will come back here to join."
            />
          </p>
          <SignInOrRegister
            back={back}
            first="register"
            register={
              <FormattedMessage id="join.account.register" defaultMessage="Create an account" />
            }
            signIn={<FormattedMessage id="join.account.signIn" defaultMessage="Sign in" />}
          />
        </Section>
      )}
    </Page>
  );
}
