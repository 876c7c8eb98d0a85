import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import {
  createInvitationBody,
  type createdInvitation,
  type invitationList,
} from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';

type Invitation = z.infer<typeof invitationList>['invitations'][number];
type Created = z.infer<typeof createdInvitation>;

function state(invitation: Invitation, now: number): string {
  if (invitation.revoked) return 'Withdrawn';
  if (invitation.expiresAt && Date.parse(invitation.expiresAt) <= now) return 'Expired';
  return invitation.expiresAt ? `Works until ${formatDate(invitation.expiresAt)}` : 'Works';
}

/** For chairs: make invitation links (and email them), see them, withdraw them. */
export function InviteSection({ groupId }: { groupId: string }) {
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
        ? `Invitation link made and emailed to ${answer.invitation.email}.`
        : 'Invitation link made.',
    );
  }

  function withdraw(invitation: Invitation) {
    setProblem(null);
    api.delete(`${base}/${segment(invitation.id)}`).then(
      () => {
        if (created?.invitation.id === invitation.id) setCreated(null);
        announce('The invitation link is withdrawn: it no longer works.');
        listHeading.current?.focus();
        invitations.reload();
      },
      (error: unknown) =>
        setProblem(
          error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.'),
        ),
    );
  }

  const list = invitations.data?.invitations ?? [];
  return (
    <section aria-labelledby="invite-title" className="section">
      <h2 id="invite-title">Invite people</h2>
      <p>
        Anyone with an invitation link can join as a participant. A link works for 30 days, and you
        can withdraw it at any time.
      </p>
      <Form
        id="invite"
        state={form}
        labels={{ email: 'Email address' }}
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
          hint="We will email the link to this address. Leave it empty to just make a link you can share yourself."
        />
        <SubmitButton busy={form.busy}>Make an invitation link</SubmitButton>
      </Form>

      {created ? (
        <div className="panel">
          <CopyField
            id="invitation-link"
            label="Invitation link"
            value={created.link}
            copyLabel="Copy link"
            inputRef={linkInput}
          />
          <p>
            {created.invitation.email
              ? `We have emailed this link to ${created.invitation.email}. `
              : 'Share it by email, text message or however suits people. '}
            Keep a copy: for safety, we cannot show it again.
          </p>
        </div>
      ) : null}

      <h3 id="invitations-title" ref={listHeading} tabIndex={-1}>
        Invitation links
      </h3>
      {invitations.error ? (
        <LoadProblem error={invitations.error} retry={invitations.reload} />
      ) : null}
      {invitations.loading ? <Loading /> : null}
      {invitations.data && list.length === 0 ? <p>You have not made any links yet.</p> : null}
      {list.length > 0 ? (
        <ul className="item-list" aria-labelledby="invitations-title">
          {list.map((invitation) => {
            const made = formatDate(invitation.createdAt);
            return (
              <li key={invitation.id} className="item">
                <div className="item-main">
                  <p className="item-title">
                    Made {made}
                    {invitation.email ? `, emailed to ${invitation.email}` : ''}
                  </p>
                  <p className="muted">{state(invitation, now)}</p>
                </div>
                {invitation.revoked ? null : (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => withdraw(invitation)}
                  >
                    Withdraw
                    <span className="visually-hidden">
                      {' '}
                      the link made {made}
                      {invitation.email ? ` for ${invitation.email}` : ''}
                    </span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <Problem error={problem} />
    </section>
  );
}
