import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { z } from 'zod';
import {
  createInvitationBody,
  type createdInvitation,
  type invitationList,
} from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { LoadProblem, Loading, Problem, useToProblem } from '../../components/Feedback.tsx';
import { Item, ItemAction } from '../../components/Item.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';

type Invitation = z.infer<typeof invitationList>['invitations'][number];
type Created = z.infer<typeof createdInvitation>;

function state(intl: IntlShape, invitation: Invitation, now: number): string {
  if (invitation.revoked) {
    return intl.formatMessage({ id: 'groups.invite.withdrawn', defaultMessage: 'Withdrawn' });
  }
  if (invitation.expiresAt && Date.parse(invitation.expiresAt) <= now) {
    return intl.formatMessage({ id: 'groups.invite.expired', defaultMessage: 'Expired' });
  }
  return invitation.expiresAt
    ? intl.formatMessage(
        { id: 'groups.invite.worksUntil', defaultMessage: 'Works until {date}' },
        { date: formatDate(invitation.expiresAt) },
      )
    : intl.formatMessage({ id: 'groups.invite.works', defaultMessage: 'Works' });
}

const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

/** For chairs: make invitation links (and email them), see them, withdraw them. */
export function InviteSection({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const toProblem = useToProblem();
  const base = `/api/v1/groups/${segment(groupId)}/invitations`;
  const invitations = useResource<z.infer<typeof invitationList>>(base);
  const form = useFormState();
  const announce = useAnnounce();
  const [created, setCreated] = useState<Created | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [now] = useState(() => Date.now());
  const linkInput = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (created) linkInput.current?.focus();
  }, [created]);

  async function invite(values: FormValues, formElement: HTMLFormElement) {
    const body = validate(createInvitationBody, withoutEmpty(values));
    const answer = await api.post<Created>(base, body);
    setCreated(answer);
    formElement.reset();
    invitations.reload();
    announce(
      answer.invitation.email
        ? intl.formatMessage(
            {
              id: 'groups.invite.madeAndEmailed',
              defaultMessage: 'Invitation link made and emailed to {email}.',
            },
            { email: answer.invitation.email },
          )
        : intl.formatMessage({ id: 'groups.invite.made', defaultMessage: 'Invitation link made.' }),
    );
  }

  function withdraw(invitation: Invitation) {
    setProblem(null);
    api.delete(`${base}/${segment(invitation.id)}`).then(
      () => {
        if (created?.invitation.id === invitation.id) setCreated(null);
        announce(
          intl.formatMessage({
            id: 'groups.invite.withdrawnAnnounced',
            defaultMessage: 'The invitation link is withdrawn: it no longer works.',
          }),
        );
        listHeading.current?.focus();
        invitations.reload();
      },
      (error: unknown) => setProblem(toProblem(error)),
    );
  }

  const list = invitations.data?.invitations ?? [];
  return (
    <section aria-labelledby="invite-title" className="section">
      <h2 id="invite-title">
        <FormattedMessage id="groups.invite.title" defaultMessage="Invite people" />
      </h2>
      <p>
        <FormattedMessage
          id="groups.invite.intro"
          defaultMessage="Anyone with an invitation link can join as a participant. A link works for 30 days, and you can withdraw it at any time."
        />
      </p>
      <Form
        id="invite"
        state={form}
        labels={{
          email: intl.formatMessage({ id: 'groups.invite.email', defaultMessage: 'Email address' }),
        }}
        onSubmit={invite}
        labelledBy="invite-title"
      >
        <TextField
          name="email"
          type="email"
          optional
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          hint={intl.formatMessage({
            id: 'groups.invite.emailHint',
            defaultMessage:
              'We will email the link to this address. Leave it empty to just make a link you can share yourself.',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="groups.invite.submit" defaultMessage="Make an invitation link" />
        </SubmitButton>
      </Form>

      {created ? (
        <div className="panel">
          <CopyField
            id="invitation-link"
            label={intl.formatMessage({
              id: 'groups.invite.linkLabel',
              defaultMessage: 'Invitation link',
            })}
            value={created.link}
            copyLabel={intl.formatMessage({
              id: 'groups.invite.copy',
              defaultMessage: 'Copy link',
            })}
            inputRef={linkInput}
          />
          <p>
            {created.invitation.email ? (
              <FormattedMessage
                id="groups.invite.emailedKeep"
                defaultMessage="We have emailed this link to {email}. Keep a copy: for safety, we cannot show it again."
                values={{ email: created.invitation.email }}
              />
            ) : (
              <FormattedMessage
                id="groups.invite.shareKeep"
                defaultMessage="Share it by email, text message or however suits people. Keep a copy: for safety, we cannot show it again."
              />
            )}
          </p>
        </div>
      ) : null}

      <h3 id="invitations-title" ref={listHeading} tabIndex={-1}>
        <FormattedMessage id="groups.invite.listTitle" defaultMessage="Invitation links" />
      </h3>
      {invitations.error ? (
        <LoadProblem error={invitations.error} retry={invitations.reload} />
      ) : null}
      {invitations.loading ? <Loading /> : null}
      {invitations.data && list.length === 0 ? (
        <p>
          <FormattedMessage
            id="groups.invite.none"
            defaultMessage="You have not made any links yet."
          />
        </p>
      ) : null}
      {list.length > 0 ? (
        <ul className="item-list" aria-labelledby="invitations-title">
          {list.map((invitation) => {
            const made = formatDate(invitation.createdAt);
            return (
              <Item
                key={invitation.id}
                title={
                  invitation.email ? (
                    <FormattedMessage
                      id="groups.invite.madeOnEmailed"
                      defaultMessage="Made {date}, emailed to {email}"
                      values={{ date: made, email: invitation.email }}
                    />
                  ) : (
                    <FormattedMessage
                      id="groups.invite.madeOn"
                      defaultMessage="Made {date}"
                      values={{ date: made }}
                    />
                  )
                }
                about={state(intl, invitation, now)}
              >
                {invitation.revoked ? null : (
                  <ItemAction onClick={() => withdraw(invitation)}>
                    {invitation.email ? (
                      <FormattedMessage
                        id="groups.invite.withdrawFor"
                        defaultMessage="Withdraw<hidden> the link made {date} for {email}</hidden>"
                        values={{ date: made, email: invitation.email, hidden }}
                      />
                    ) : (
                      <FormattedMessage
                        id="groups.invite.withdraw"
                        defaultMessage="Withdraw<hidden> the link made {date}</hidden>"
                        values={{ date: made, hidden }}
                      />
                    )}
                  </ItemAction>
                )}
              </Item>
            );
          })}
        </ul>
      ) : null}
      <Problem error={problem} />
    </section>
  );
}
