import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { z } from 'zod';
import type { outboxList } from '../../../contracts/admin.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';

type Message = z.infer<typeof outboxList>['messages'][number];

function statusWords(intl: IntlShape, message: Message): string {
  return intl.formatMessage(
    {
      id: 'admin.outbox.status',
      defaultMessage:
        '{status, select, pending {Waiting to be sent} sent {Sent} logged {Not sent: there is no mail server, so only who it was for and its subject were logged} other {Could not be sent}}{sentAt, select, none {} other { ({sentAt})}}{lastError, select, none {} other {. Last error: {lastError}}}',
    },
    {
      status: message.status,
      sentAt: message.sentAt ? formatDateTime(message.sentAt) : 'none',
      lastError: message.lastError ?? 'none',
    },
  );
}

/** The administrator's view of every email, readable when no mail server is set up. */
export function OutboxPage() {
  const intl = useIntl();
  const outbox = useResource<z.infer<typeof outboxList>>('/api/v1/admin/outbox');
  const messages = outbox.data?.messages ?? [];
  return (
    <Page
      title={intl.formatMessage({ id: 'admin.outbox.title', defaultMessage: 'Outbox' })}
      busy={outbox.loading}
    >
      <p>
        <FormattedMessage
          id="admin.outbox.lead"
          defaultMessage="The last 200 emails Accord wrote, newest first. Links that sign someone in, reset a password, confirm an address or join a group are removed here: only the person an email is for ever sees them. Without a mail server (SMTP_URL) these emails are not sent."
        />
      </p>
      <p>
        <button type="button" className="button button-secondary" onClick={outbox.reload}>
          <FormattedMessage id="admin.outbox.check" defaultMessage="Check for new emails" />
        </button>
      </p>
      {outbox.error ? <LoadProblem error={outbox.error} retry={outbox.reload} /> : null}
      {outbox.loading ? <Loading /> : null}
      {outbox.data && messages.length === 0 ? (
        <p>
          <FormattedMessage id="admin.outbox.none" defaultMessage="No emails yet." />
        </p>
      ) : null}
      {messages.length > 0 ? (
        <ol
          className="card-list"
          aria-label={intl.formatMessage({ id: 'admin.outbox.list', defaultMessage: 'Emails' })}
        >
          {messages.map((message) => (
            <li key={message.id} className="card">
              <article aria-labelledby={`mail-${message.id}`}>
                <h2 id={`mail-${message.id}`} className="card-title">
                  {message.subject}
                </h2>
                <dl className="facts">
                  <dt>
                    <FormattedMessage id="admin.outbox.to" defaultMessage="To" />
                  </dt>
                  <dd>{message.to}</dd>
                  <dt>
                    <FormattedMessage id="admin.outbox.written" defaultMessage="Written" />
                  </dt>
                  <dd>{formatDateTime(message.createdAt)}</dd>
                  <dt>
                    <FormattedMessage id="admin.outbox.statusTitle" defaultMessage="Status" />
                  </dt>
                  <dd>{statusWords(intl, message)}</dd>
                </dl>
                <div className="message-text">
                  <TextWithLinks text={message.text} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </Page>
  );
}

/** The message as written, with its web addresses made into links. */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
