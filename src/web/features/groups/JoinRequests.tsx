import { useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import {
  decideJoinRequestBody,
  type joinRequest,
  type joinRequestList,
} from '../../../contracts/join-requests.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { useAction } from '../../lib/action.ts';
import { api, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import './groups.css';

type Request = z.infer<typeof joinRequest>;

type Props = {
  groupId: string;
  /** After someone was accepted: the list of people has changed. */
  onAccepted: () => void;
};

/**
 * For chairs, in the People section: people who asked to join from the
 * group's public page. Accepting makes them a participant; declining tells
 * them, kindly, with an optional note.
 */
export function JoinRequests({ groupId, onAccepted }: Props) {
  const intl = useIntl();
  const base = `/api/v1/groups/${segment(groupId)}/join-requests`;
  const requests = useResource<z.infer<typeof joinRequestList>>(base);
  const announce = useAnnounce();
  const accept = useAction();
  const heading = useRef<HTMLHeadingElement>(null);

  function answered(text: string) {
    announce(text);
    // The request (and the button just pressed) is gone: keep the keyboard here.
    heading.current?.focus();
    requests.reload();
  }

  function acceptRequest(request: Request) {
    accept.run(
      () => api.post(`${base}/${segment(request.id)}/accept`, {}),
      () => {
        answered(
          intl.formatMessage(
            {
              id: 'groups.joinRequests.accepted',
              defaultMessage: '{name} is now a participant of the group. We have emailed them.',
            },
            { name: request.name },
          ),
        );
        onAccepted();
      },
    );
  }

  const list = requests.data?.requests ?? [];
  if (requests.data && list.length === 0) return null;
  return (
    <div className="join-requests">
      <h3 id="join-requests-title" ref={heading} tabIndex={-1}>
        <FormattedMessage id="groups.joinRequests.title" defaultMessage="Asking to join" />
      </h3>
      {requests.error ? <LoadProblem error={requests.error} retry={requests.reload} /> : null}
      {requests.loading ? <Loading /> : null}
      {list.length > 0 ? (
        <>
          <p>
            <FormattedMessage
              id="groups.joinRequests.intro"
              defaultMessage="These people asked to join from the group’s public page. Accepting makes them a participant, as an invitation link would."
            />
          </p>
          <ul className="item-list" aria-labelledby="join-requests-title">
            {list.map((request) => (
              <li key={request.id} className="item">
                <div className="item-main">
                  <p className="item-title">{request.name}</p>
                  <p className="muted">
                    <FormattedMessage
                      id="groups.joinRequests.askedOn"
                      defaultMessage="Asked on {date}"
                      values={{ date: formatDate(request.createdAt) }}
                    />
                  </p>
                  {request.message ? (
                    <p className="join-request-message">{request.message}</p>
                  ) : null}
                </div>
                <div className="person-controls">
                  <button
                    type="button"
                    className="button button-small"
                    disabled={accept.busy}
                    onClick={() => acceptRequest(request)}
                  >
                    <FormattedMessage
                      id="groups.joinRequests.accept"
                      defaultMessage="Accept<hidden> {name}</hidden>"
                      values={{
                        name: request.name,
                        hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                      }}
                    />
                  </button>
                  <Decline
                    base={base}
                    request={request}
                    onDeclined={() =>
                      answered(
                        intl.formatMessage(
                          {
                            id: 'groups.joinRequests.declined',
                            defaultMessage:
                              'The request from {name} is declined. We have let them know.',
                          },
                          { name: request.name },
                        ),
                      )
                    }
                  />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Problem error={accept.problem} />
    </div>
  );
}

function Decline({
  base,
  request,
  onDeclined,
}: {
  base: string;
  request: Request;
  onDeclined: () => void;
}) {
  const intl = useIntl();
  const form = useFormState();

  async function decline(values: FormValues) {
    const body = validate(decideJoinRequestBody, values);
    await api.post(`${base}/${segment(request.id)}/decline`, body);
    onDeclined();
  }

  return (
    <details className="details">
      <summary>
        <FormattedMessage
          id="groups.joinRequests.declineOpen"
          defaultMessage="Decline<hidden> the request from {name}</hidden>"
          values={{
            name: request.name,
            hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
          }}
        />
      </summary>
      <Form
        id={`decline-${request.id}`}
        state={form}
        labels={{
          note: intl.formatMessage({
            id: 'groups.joinRequests.noteLabel',
            defaultMessage: 'A note to them',
          }),
        }}
        onSubmit={decline}
      >
        <TextArea
          name="note"
          optional
          hint={intl.formatMessage({
            id: 'groups.joinRequests.noteHint',
            defaultMessage:
              'We tell them kindly that the group cannot accept them now, and that they may ask again. Add a reason or another way to help if you can.',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="groups.joinRequests.decline" defaultMessage="Decline the request" />
        </SubmitButton>
      </Form>
    </details>
  );
}
