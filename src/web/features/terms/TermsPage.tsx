import { useState, type ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatCalendarDate, formatDate } from '../../lib/format.ts';
import { useResource, type Resource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { Markdown } from '../../components/Markdown.tsx';
import { Section } from '../../components/Section.tsx';
import { TemplateForm } from './TemplateForm.tsx';
import {
  termsApi,
  termsPage,
  type AcceptanceList,
  type ReminderCounts,
  type TermsInForce,
} from './types.ts';
import './terms.css';

function asProblem(error: unknown, intl: IntlShape): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(
        0,
        'unexpected',
        intl.formatMessage({ id: 'terms.page.tryAgain', defaultMessage: 'Please try again.' }),
      );
}

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  change: { id: 'terms.page.changeTitle', defaultMessage: 'Change these terms' },
  accept: { id: 'terms.accept.title', defaultMessage: 'Your acceptance' },
  reminders: {
    id: 'terms.reminders.title',
    defaultMessage: 'Reminders of the behaviour agreement',
  },
});

/** What the app shows to release one version (a chair's "Release…"); app/ composes it. */
export type TermsRelease = (version: {
  groupId: string;
  versionId: string;
  /** In words, such as "version 2 of the Terms of Reference". */
  what: string;
}) => ReactNode;

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'terms.page.title', defaultMessage: 'Terms of Reference' },
  title: {
    id: 'terms.page.notShown',
    defaultMessage: 'We could not show these Terms of Reference',
  },
  missing: {
    id: 'terms.page.missing',
    defaultMessage: 'The group may have been removed, or you may not be in it.',
  },
  forbidden: {
    id: 'terms.page.observers',
    defaultMessage: 'Observers do not see the Terms of Reference here. Ask a chair for a copy.',
  },
  back: { id: 'terms.page.myGroups', defaultMessage: 'Go to my groups' },
});

/** A group's Terms of Reference: the version in force, acceptance, reminders, and the review. */
export function TermsPage({ groupId, release }: { groupId: string; release?: TermsRelease }) {
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const terms = useResource<TermsInForce>(termsApi(groupId));
  const acceptances = useResource<AcceptanceList>(termsApi(groupId, '/acceptances'));
  const intl = useIntl();
  const title = intl.formatMessage(FRAME.pageTitle);

  const frame = pageFrame([group, terms], FRAME, '/groups');
  if (frame || !group.data || !terms.data) return frame;

  const isChair = group.data.myRole === 'chair';
  const data = terms.data;
  const lead = (
    <p className="lead">
      <FormattedMessage
        id="terms.page.lead"
        defaultMessage="Of {group}"
        values={{ group: <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link> }}
      />
    </p>
  );
  const continueDraft = (
    <Link to={termsPage(groupId, '/draft')}>
      <FormattedMessage id="terms.page.continueDraft" defaultMessage="Continue the draft" />
    </Link>
  );

  if (!data.version) {
    return (
      <Page title={title} lead={lead}>
        <p>
          <FormattedMessage
            id="terms.page.noneYet"
            defaultMessage="This group has not adopted its Terms of Reference yet."
          />
        </p>
        {isChair && data.hasDraft ? <p>{continueDraft}</p> : null}
        {isChair && !data.hasDraft ? <TemplateForm groupId={groupId} /> : null}
        {!isChair ? (
          <p>
            <FormattedMessage
              id="terms.page.willBeAsked"
              defaultMessage="When the group agrees them, you will be asked to read and accept them here."
            />
          </p>
        ) : null}
      </Page>
    );
  }

  const version = data.version;
  const number = version.number ?? 0;
  return (
    <Page title={title} lead={lead}>
      <p className="terms-version">
        <FormattedMessage
          id="terms.page.version"
          defaultMessage="Version {number}, adopted on {date}. {note}"
          values={{
            number,
            date: formatCalendarDate(version.adoptedOn ?? ''),
            note: version.adoptionNote,
          }}
        />
      </p>
      <ul className="terms-actions terms-no-print">
        <li>
          <a href={termsApi(groupId, `/versions/${number}/markdown`)} download>
            <FormattedMessage id="terms.page.download" defaultMessage="Download as Markdown" />
          </a>
        </li>
        <li>
          <Link to={termsPage(groupId, '/history')}>
            <FormattedMessage id="terms.page.history" defaultMessage="Version history" />
          </Link>
        </li>
        <li>
          <Link to={termsPage(groupId, '/easy-read')}>
            <FormattedMessage id="terms.page.easyRead" defaultMessage="Read it in easy read" />
          </Link>
        </li>
        {isChair && data.hasDraft ? <li>{continueDraft}</li> : null}
      </ul>

      <ReviewNotice
        groupId={groupId}
        review={data.review}
        isChair={isChair}
        hasDraft={data.hasDraft}
      />

      <Acceptance
        groupId={groupId}
        number={number}
        accepted={data.myAcceptance}
        onAccepted={() => {
          terms.reload();
          acceptances.reload();
        }}
      />

      <article
        className="terms-document"
        aria-label={intl.formatMessage(
          {
            id: 'terms.page.documentLabel',
            defaultMessage: 'Terms of Reference, version {number}',
          },
          { number },
        )}
      >
        <Markdown source={version.markdown} />
      </article>

      <Reminders groupId={groupId} />
      <WhoAccepted list={acceptances} />

      {isChair && release ? (
        <div className="terms-no-print">
          {release({
            groupId,
            versionId: version.id,
            what: intl.formatMessage(
              {
                id: 'terms.page.releaseWhat',
                defaultMessage: 'version {number} of the Terms of Reference',
              },
              { number },
            ),
          })}
        </div>
      ) : null}

      {isChair && !data.hasDraft && data.review?.state === 'ok' ? (
        <Section id="change-title" heading={SECTIONS.change} className="section terms-no-print">
          <p>
            <FormattedMessage
              id="terms.page.changeIntro"
              defaultMessage="Start a draft from this version. The group keeps working to this version until it adopts the new one."
            />
          </p>
          <StartDraft
            groupId={groupId}
            label={intl.formatMessage({
              id: 'terms.page.startDraft',
              defaultMessage: 'Start a new draft',
            })}
          />
        </Section>
      ) : null}
    </Page>
  );
}

function StartDraft({ groupId, label }: { groupId: string; label: string }) {
  const intl = useIntl();
  const [problem, setProblem] = useState<ApiError | null>(null);
  function start() {
    setProblem(null);
    api.post(termsApi(groupId, '/draft'), { from: 'in_force' }).then(
      () =>
        navigate(termsPage(groupId, '/draft'), {
          notice: intl.formatMessage({
            id: 'terms.page.draftMade',
            defaultMessage: 'A draft has been made from the version in force.',
          }),
        }),
      (error: unknown) => setProblem(asProblem(error, intl)),
    );
  }
  return (
    <>
      <button type="button" className="button" onClick={start}>
        {label}
      </button>
      <Problem error={problem} />
    </>
  );
}

function ReviewNotice({
  groupId,
  review,
  isChair,
  hasDraft,
}: {
  groupId: string;
  review: TermsInForce['review'];
  isChair: boolean;
  hasDraft: boolean;
}) {
  const intl = useIntl();
  if (!review || review.state === 'ok') return null;
  const due = formatCalendarDate(review.dueOn);
  return (
    <section aria-labelledby="review-title" className="notice terms-no-print">
      <h2 id="review-title">
        {review.state === 'overdue' ? (
          <FormattedMessage id="terms.review.overdueTitle" defaultMessage="The review is overdue" />
        ) : (
          <FormattedMessage id="terms.review.dueSoonTitle" defaultMessage="A review is due soon" />
        )}
      </h2>
      <p>
        {review.state === 'overdue' ? (
          <FormattedMessage
            id="terms.review.overdue"
            defaultMessage="These terms were due for review on {date}."
            values={{ date: due }}
          />
        ) : (
          <FormattedMessage
            id="terms.review.dueSoon"
            defaultMessage="These terms are due for review on {date}, in {days, plural, one {# day} other {# days}}."
            values={{ date: due, days: review.daysUntilDue }}
          />
        )}
      </p>
      {isChair && !hasDraft ? (
        <StartDraft
          groupId={groupId}
          label={intl.formatMessage({
            id: 'terms.review.start',
            defaultMessage: 'Start the review',
          })}
        />
      ) : null}
    </section>
  );
}

function Acceptance({
  groupId,
  number,
  accepted,
  onAccepted,
}: {
  groupId: string;
  number: number;
  accepted: TermsInForce['myAcceptance'];
  onAccepted: () => void;
}) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<ApiError | null>(null);
  function accept() {
    setProblem(null);
    api.post(termsApi(groupId, '/acceptances'), { number }).then(
      () => {
        announce(
          intl.formatMessage(
            { id: 'terms.accept.done', defaultMessage: 'You accepted version {number}.' },
            { number },
          ),
        );
        onAccepted();
      },
      (error: unknown) => setProblem(asProblem(error, intl)),
    );
  }
  return (
    <Section id="accept-title" heading={SECTIONS.accept} className="panel terms-no-print">
      {accepted ? (
        <p>
          <FormattedMessage
            id="terms.accept.accepted"
            defaultMessage="You accepted version {number} on {date}."
            values={{ number, date: formatDate(accepted.acceptedAt) }}
          />
        </p>
      ) : (
        <>
          <p>
            <FormattedMessage
              id="terms.accept.please"
              defaultMessage="Please read version {number} below. Accepting it means you agree to work by it, including the behaviour agreement."
              values={{ number }}
            />
          </p>
          <button type="button" className="button" onClick={accept}>
            <FormattedMessage
              id="terms.accept.button"
              defaultMessage="I accept these Terms of Reference, including the behaviour agreement"
            />
          </button>
        </>
      )}
      <Problem error={problem} />
    </Section>
  );
}

function Reminders({ groupId }: { groupId: string }) {
  const counts = useResource<ReminderCounts>(
    `/api/v1/groups/${segment(groupId)}/behaviour-reminders`,
  );
  const intl = useIntl();
  const announce = useAnnounce();
  const [raised, setRaised] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);

  function raise(clause: number) {
    setProblem(null);
    api.post(`/api/v1/groups/${segment(groupId)}/behaviour-reminders`, { clause }).then(
      () => {
        const words = intl.formatMessage(
          {
            id: 'terms.reminders.raised',
            defaultMessage: 'A reminder of clause {clause} was raised.',
          },
          { clause },
        );
        setRaised(words);
        announce(words);
        counts.reload();
      },
      (error: unknown) => setProblem(asProblem(error, intl)),
    );
  }

  return (
    <Section id="reminders-title" heading={SECTIONS.reminders} className="section terms-no-print">
      <p>
        <FormattedMessage
          id="terms.reminders.intro"
          defaultMessage="If something in a meeting goes against the agreement, anyone can raise a reminder of the clause. No name is recorded, not even yours."
        />
      </p>
      {raised ? <p className="notice">{raised}</p> : null}
      <Problem error={problem} />
      {counts.error ? <LoadProblem error={counts.error} retry={counts.reload} /> : null}
      {counts.data ? (
        <ol
          className="item-list terms-clauses"
          aria-label={intl.formatMessage({
            id: 'terms.reminders.clauses',
            defaultMessage: 'Clauses of the behaviour agreement',
          })}
        >
          {counts.data.clauses.map((c) => (
            <li key={c.clause} className="item">
              <div className="item-main">
                <p>
                  <FormattedMessage
                    id="terms.reminders.clause"
                    defaultMessage="<b>Clause {clause}.</b> {text}"
                    values={{
                      b: (chunks) => <strong>{chunks}</strong>,
                      clause: c.clause,
                      text: c.text,
                    }}
                  />
                </p>
                <p className="muted">
                  <FormattedMessage
                    id="terms.reminders.count"
                    defaultMessage="{count, plural, =0 {No reminders raised.} other {Reminders raised: #.}}"
                    values={{ count: c.count }}
                  />
                </p>
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => raise(c.clause)}
              >
                <FormattedMessage
                  id="terms.reminders.raise"
                  defaultMessage="Raise a reminder of clause {clause}"
                  values={{ clause: c.clause }}
                />
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}

function WhoAccepted({ list }: { list: Resource<AcceptanceList> }) {
  const intl = useIntl();
  if (list.error) return <LoadProblem error={list.error} retry={list.reload} />;
  if (!list.data) return null;
  const yes = list.data.people.filter((p) => p.acceptedAt);
  const not = list.data.people.filter((p) => !p.acceptedAt);
  return (
    <section aria-labelledby="accepted-title" className="section">
      <h2 id="accepted-title">
        <FormattedMessage
          id="terms.accepted.title"
          defaultMessage="Who has accepted version {number}"
          values={{ number: list.data.number }}
        />
      </h2>
      {yes.length ? (
        <ul
          aria-label={intl.formatMessage({
            id: 'terms.accepted.yesLabel',
            defaultMessage: 'People who have accepted',
          })}
        >
          {yes.map((p) => (
            <li key={p.userId}>
              <FormattedMessage
                id="terms.accepted.person"
                defaultMessage="{name}, on {date}"
                values={{ name: p.name, date: formatDate(p.acceptedAt ?? '') }}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <FormattedMessage
            id="terms.accepted.noOne"
            defaultMessage="No one has accepted this version yet."
          />
        </p>
      )}
      {not.length ? (
        <>
          <h3>
            <FormattedMessage id="terms.accepted.notYetTitle" defaultMessage="Not yet accepted" />
          </h3>
          <ul
            aria-label={intl.formatMessage({
              id: 'terms.accepted.notYetLabel',
              defaultMessage: 'People who have not accepted yet',
            })}
          >
            {not.map((p) => (
              <li key={p.userId}>{p.name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
