import { useEffect, useRef, useState, type ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { askToJoinBody } from '../../../contracts/join-requests.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import { SignInOrRegister } from '../../components/SignInOrRegister.tsx';
import { api } from '../../lib/api.ts';
import { formatCalendarDate, formatDate, formatMeetingTime } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import {
  publicApi,
  publicPage,
  publicPageApi,
  type MyJoinRequest,
  type PublicGroupPageData,
  type ReleasedItem,
  type ReleasedList,
} from './types.ts';
import './public.css';

type Props = {
  groupId: string;
  /** Renders released text (Markdown) safely; app/ passes the shared renderer. */
  markdown: (source: string) => ReactNode;
  /** What to show when there is no such group (or it is unlisted): app/ passes its 404 page. */
  notFound: ReactNode;
};

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  publicPurpose: { id: 'public.page.purposeTitle', defaultMessage: 'What we are working towards' },
  publicJoin: { id: 'public.page.joinTitle', defaultMessage: 'How to get involved' },
  publicMeetings: { id: 'public.page.meetingsTitle', defaultMessage: 'Our next meetings' },
  released: { id: 'public.page.releasedTitle', defaultMessage: 'What we have released' },
});

/**
 * A group's public page, for anyone, signed in or not, from the day the group
 * starts: its name and purpose, how to get involved (asking to join), the
 * dates of its next meetings if it shows them, and what it has decided to
 * release. Nothing else: not its people or its own business.
 */
export function PublicGroupPage({ groupId, markdown, notFound }: Props) {
  const intl = useIntl();
  const page = useResource<PublicGroupPageData>(publicPageApi(groupId));
  const released = useResource<ReleasedList>(page.data ? publicApi(groupId) : null);

  if (page.error && ['not_found', 'validation_failed'].includes(page.error.code)) {
    return <>{notFound}</>;
  }
  const title = intl.formatMessage({
    id: 'public.page.loadingTitle',
    defaultMessage: 'Public page',
  });
  if (!page.data) {
    return (
      <Page title={title} busy>
        {page.error ? <LoadProblem error={page.error} retry={page.reload} /> : <Loading />}
      </Page>
    );
  }

  const { group, purpose, meetings, joining } = page.data;
  return (
    <Page
      title={group.name}
      lead={
        <div className="lead">
          <p>
            <FormattedMessage
              id="public.page.lead"
              defaultMessage="A group on Accord. Everyone is welcome to take part."
            />
          </p>
        </div>
      }
    >
      <Section id="public-purpose-title" heading={SECTIONS.publicPurpose}>
        {purpose.text ? <p className="purpose">{purpose.text}</p> : null}
        <p className={purpose.text ? 'muted' : undefined}>
          <PurposeSource source={purpose.source} />
        </p>
      </Section>

      <Section id="public-join-title" heading={SECTIONS.publicJoin}>
        <p>
          <FormattedMessage
            id="public.page.joinIntro"
            defaultMessage="Anyone can join: people who use the services, carers, volunteers and staff. Ask to join and the group’s chairs will answer you by email."
          />
        </p>
        <Joining groupId={group.id} joining={joining} onAsked={page.reload} />
      </Section>

      {meetings ? (
        <Section id="public-meetings-title" heading={SECTIONS.publicMeetings}>
          {meetings.length === 0 ? (
            <p>
              <FormattedMessage
                id="public.page.noMeetings"
                defaultMessage="No meetings are planned at the moment."
              />
            </p>
          ) : (
            <ul className="item-list" aria-labelledby="public-meetings-title">
              {meetings.map((meeting) => (
                <li key={meeting.startsAt} className="item">
                  <p className="item-title">
                    {formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="muted">
            <FormattedMessage
              id="public.page.meetingsHow"
              defaultMessage="People in the group get the place or the online link with each meeting."
            />
          </p>
        </Section>
      ) : null}

      <Section id="released-title" heading={SECTIONS.released}>
        {released.error ? <LoadProblem error={released.error} retry={released.reload} /> : null}
        {released.loading ? <Loading /> : null}
        {released.data && released.data.items.length === 0 ? (
          <p>
            <FormattedMessage
              id="public.page.nothingReleased"
              defaultMessage="Nothing has been released yet."
            />
          </p>
        ) : null}
        {released.data?.items.map((item) => (
          <Released key={item.releaseId} item={item} markdown={markdown} />
        ))}
      </Section>
    </Page>
  );
}

function PurposeSource({ source }: { source: PublicGroupPageData['purpose']['source'] }) {
  switch (source) {
    case 'terms':
      return (
        <FormattedMessage
          id="public.page.purposeFromTerms"
          defaultMessage="From the group’s Terms of Reference."
        />
      );
    case 'draft':
      return (
        <FormattedMessage
          id="public.page.purposeFromDraft"
          defaultMessage="From the draft of the group’s Terms of Reference, which the group has not adopted yet."
        />
      );
    case 'group':
      return (
        <FormattedMessage
          id="public.page.purposeFromGroup"
          defaultMessage="The group has not adopted its Terms of Reference yet: this is how it describes itself for now."
        />
      );
    default:
      return (
        <FormattedMessage
          id="public.page.purposeNone"
          defaultMessage="The group has not written down its purpose yet: it does so in its Terms of Reference, which it is still preparing."
        />
      );
  }
}

type JoiningProps = {
  groupId: string;
  joining: PublicGroupPageData['joining'];
  onAsked: () => void;
};

/** Asking to join: sign in first, then a short optional message to the chairs. */
function Joining({ groupId, joining, onAsked }: JoiningProps) {
  const intl = useIntl();
  const form = useFormState();
  const announce = useAnnounce();
  const [sent, setSent] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const back = publicPage(groupId);

  async function ask(values: FormValues) {
    const body = validate(askToJoinBody, values);
    await api.post<MyJoinRequest>(publicPageApi(groupId, '/join-requests'), body);
    setSent(true);
    announce(
      intl.formatMessage({
        id: 'public.join.sentAnnounced',
        defaultMessage: 'Your request to join has been sent to the group’s chairs.',
      }),
    );
    onAsked();
  }

  // The form is gone once the request is sent: keep the keyboard where the answer is.
  useEffect(() => {
    if (sent && joining.state === 'requested') status.current?.focus();
  }, [sent, joining.state]);

  if (joining.state === 'signedOut') {
    return (
      <>
        <p>
          <FormattedMessage
            id="public.join.signInFirst"
            defaultMessage="To ask to join, sign in or create an account. You will come back here afterwards."
          />
        </p>
        <SignInOrRegister
          back={back}
          first="signIn"
          signIn={
            <FormattedMessage id="public.join.signIn" defaultMessage="Sign in to ask to join" />
          }
          register={
            <FormattedMessage id="public.join.register" defaultMessage="Create an account" />
          }
        />
      </>
    );
  }
  if (joining.state === 'inGroup') {
    return (
      <p>
        <FormattedMessage
          id="public.join.inGroup"
          defaultMessage="You are in this group. {link}"
          values={{
            link: (
              <Link to={`/groups/${encodeURIComponent(groupId)}`}>
                <FormattedMessage id="public.join.goToGroup" defaultMessage="Go to the group" />
              </Link>
            ),
          }}
        />
      </p>
    );
  }
  if (joining.state === 'requested') {
    return (
      <p ref={status} tabIndex={-1} className={sent ? 'notice' : undefined}>
        {joining.requestedAt ? (
          <FormattedMessage
            id="public.join.requested"
            defaultMessage="You asked to join on {date}. The group’s chairs will answer you by email."
            values={{ date: formatDate(joining.requestedAt) }}
          />
        ) : null}
      </p>
    );
  }
  return (
    <Form
      id="ask-to-join"
      state={form}
      labels={{
        message: intl.formatMessage({
          id: 'public.join.messageLabel',
          defaultMessage: 'A message to the chairs',
        }),
      }}
      onSubmit={ask}
      labelledBy="public-join-title"
    >
      <TextArea
        name="message"
        optional
        hint={intl.formatMessage({
          id: 'public.join.messageHint',
          defaultMessage:
            'For example why you would like to take part, or anything that would help you join in. Up to 500 characters.',
        })}
      />
      <SubmitButton busy={form.busy}>
        <FormattedMessage id="public.join.submit" defaultMessage="Ask to join" />
      </SubmitButton>
    </Form>
  );
}

function Released({
  item,
  markdown,
}: {
  item: ReleasedItem;
  markdown: (source: string) => ReactNode;
}) {
  const titleId = `released-${item.releaseId}`;
  return (
    <article className="card public-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {item.title}
      </h3>
      {item.date ? <p className="muted">{formatCalendarDate(item.date)}</p> : null}
      <div className="public-body">{markdown(item.body)}</div>
      {item.fileUrl ? (
        <p>
          <a href={item.fileUrl} download>
            <FormattedMessage
              id="public.released.download"
              defaultMessage="Download the paper<hidden>: {title}</hidden>"
              values={{
                title: item.title,
                hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
              }}
            />
          </a>
        </p>
      ) : null}
    </article>
  );
}
