import { useState, type ReactNode } from 'react';
import type { Group } from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource, type Resource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { Markdown } from '../../components/Markdown.tsx';
import { TemplateForm } from './TemplateForm.tsx';
import {
  termsApi,
  termsPage,
  type AcceptanceList,
  type ReminderCounts,
  type TermsInForce,
} from './types.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import './terms.css';

function asProblem(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.');
}

/** What the app shows to release one version (a chair's "Release…"); app/ composes it. */
export type TermsRelease = (version: {
  groupId: string;
  versionId: string;
  /** In words, such as "version 2 of the Terms of Reference". */
  what: string;
}) => ReactNode;

/** A group's Terms of Reference: the version in force, acceptance, reminders, and the review. */
export function TermsPage({ groupId, release }: { groupId: string; release?: TermsRelease }) {
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const terms = useResource<TermsInForce>(termsApi(groupId));
  const acceptances = useResource<AcceptanceList>(termsApi(groupId, '/acceptances'));
  const error = group.error ?? terms.error;

  if (error && ['not_found', 'validation_failed', 'forbidden'].includes(error.code)) {
    return (
      <Page title="We could not show these Terms of Reference">
        <p>
          {error.code === 'forbidden'
            ? 'Observers do not see the Terms of Reference here. Ask a chair for a copy.'
            : 'The group may have been removed, or you may not be in it.'}
        </p>
        <p>
          <Link to="/groups">Go to my groups</Link>
        </p>
      </Page>
    );
  }
  if (!group.data || !terms.data) {
    return (
      <Page title="Terms of Reference" busy>
        {error ? (
          <LoadProblem
            error={error}
            retry={() => {
              group.reload();
              terms.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const isChair = group.data.myRole === 'chair';
  const data = terms.data;
  const lead = (
    <p className="lead">
      Of <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link>
    </p>
  );

  if (!data.version) {
    return (
      <Page title="Terms of Reference" lead={lead}>
        <p>This group has not adopted its Terms of Reference yet.</p>
        {isChair && data.hasDraft ? (
          <p>
            <Link to={termsPage(groupId, '/draft')}>Continue the draft</Link>
          </p>
        ) : null}
        {isChair && !data.hasDraft ? <TemplateForm groupId={groupId} /> : null}
        {!isChair ? (
          <p>When the group agrees them, you will be asked to read and accept them here.</p>
        ) : null}
      </Page>
    );
  }

  const version = data.version;
  const number = version.number ?? 0;
  return (
    <Page title="Terms of Reference" lead={lead}>
      <p className="terms-version">
        Version {number}, adopted on {formatCalendarDate(version.adoptedOn ?? '')}.{' '}
        {version.adoptionNote}
      </p>
      <ul className="terms-actions terms-no-print">
        <li>
          <a href={termsApi(groupId, `/versions/${number}/markdown`)} download>
            Download as Markdown
          </a>
        </li>
        <li>
          <Link to={termsPage(groupId, '/history')}>Version history</Link>
        </li>
        {isChair && data.hasDraft ? (
          <li>
            <Link to={termsPage(groupId, '/draft')}>Continue the draft</Link>
          </li>
        ) : null}
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

      <article className="terms-document" aria-label={`Terms of Reference, version ${number}`}>
        <Markdown source={version.markdown} />
      </article>

      <Reminders groupId={groupId} />
      <WhoAccepted list={acceptances} />

      {isChair && release ? (
        <div className="terms-no-print">
          {release({
            groupId,
            versionId: version.id,
            what: `version ${number} of the Terms of Reference`,
          })}
        </div>
      ) : null}

      {isChair && !data.hasDraft && data.review?.state === 'ok' ? (
        <section aria-labelledby="change-title" className="section terms-no-print">
          <h2 id="change-title">Change these terms</h2>
          <p>
            Start a draft from this version. The group keeps working to this version until it adopts
            the new one.
          </p>
          <StartDraft groupId={groupId} label="Start a new draft" />
        </section>
      ) : null}
    </Page>
  );
}

function StartDraft({ groupId, label }: { groupId: string; label: string }) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  function start() {
    setProblem(null);
    api.post(termsApi(groupId, '/draft'), { from: 'in_force' }).then(
      () =>
        navigate(termsPage(groupId, '/draft'), {
          notice: 'A draft has been made from the version in force.',
        }),
      (error: unknown) => setProblem(asProblem(error)),
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
  if (!review || review.state === 'ok') return null;
  const due = formatCalendarDate(review.dueOn);
  return (
    <section aria-labelledby="review-title" className="notice terms-no-print">
      <h2 id="review-title">
        {review.state === 'overdue' ? 'The review is overdue' : 'A review is due soon'}
      </h2>
      <p>
        {review.state === 'overdue'
          ? `These terms were due for review on ${due}.`
          : `These terms are due for review on ${due}, in ${review.daysUntilDue} ${review.daysUntilDue === 1 ? 'day' : 'days'}.`}
      </p>
      {isChair && !hasDraft ? <StartDraft groupId={groupId} label="Start the review" /> : null}
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
  const announce = useAnnounce();
  const [problem, setProblem] = useState<ApiError | null>(null);
  function accept() {
    setProblem(null);
    api.post(termsApi(groupId, '/acceptances'), { number }).then(
      () => {
        announce(`You accepted version ${number}.`);
        onAccepted();
      },
      (error: unknown) => setProblem(asProblem(error)),
    );
  }
  return (
    <section aria-labelledby="accept-title" className="panel terms-no-print">
      <h2 id="accept-title">Your acceptance</h2>
      {accepted ? (
        <p>
          You accepted version {number} on {formatDate(accepted.acceptedAt)}.
        </p>
      ) : (
        <>
          <p>
            Please read version {number} below. Accepting it means you agree to work by it,
            including the behaviour agreement.
          </p>
          <button type="button" className="button" onClick={accept}>
            I accept these Terms of Reference, including the behaviour agreement
          </button>
        </>
      )}
      <Problem error={problem} />
    </section>
  );
}

function Reminders({ groupId }: { groupId: string }) {
  const counts = useResource<ReminderCounts>(
    `/api/v1/groups/${segment(groupId)}/behaviour-reminders`,
  );
  const announce = useAnnounce();
  const [raised, setRaised] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);

  function raise(clause: number) {
    setProblem(null);
    api.post(`/api/v1/groups/${segment(groupId)}/behaviour-reminders`, { clause }).then(
      () => {
        const words = `A reminder of clause ${clause} was raised.`;
        setRaised(words);
        announce(words);
        counts.reload();
      },
      (error: unknown) => setProblem(asProblem(error)),
    );
  }

  return (
    <section aria-labelledby="reminders-title" className="section terms-no-print">
      <h2 id="reminders-title">Reminders of the behaviour agreement</h2>
      <p>
        If something in a meeting goes against the agreement, anyone can raise a reminder of the
        clause. No name is recorded, not even yours.
      </p>
      {raised ? <p className="notice">{raised}</p> : null}
      <Problem error={problem} />
      {counts.error ? <LoadProblem error={counts.error} retry={counts.reload} /> : null}
      {counts.data ? (
        <ol className="item-list terms-clauses" aria-label="Clauses of the behaviour agreement">
          {counts.data.clauses.map((c) => (
            <li key={c.clause} className="item">
              <div className="item-main">
                <p>
                  <strong>Clause {c.clause}.</strong> {c.text}
                </p>
                <p className="muted">
                  {c.count === 0 ? 'No reminders raised.' : `Reminders raised: ${c.count}.`}
                </p>
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => raise(c.clause)}
              >
                Raise a reminder of clause {c.clause}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function WhoAccepted({ list }: { list: Resource<AcceptanceList> }) {
  if (list.error) return <LoadProblem error={list.error} retry={list.reload} />;
  if (!list.data) return null;
  const yes = list.data.people.filter((p) => p.acceptedAt);
  const not = list.data.people.filter((p) => !p.acceptedAt);
  return (
    <section aria-labelledby="accepted-title" className="section">
      <h2 id="accepted-title">Who has accepted version {list.data.number}</h2>
      {yes.length ? (
        <ul aria-label="People who have accepted">
          {yes.map((p) => (
            <li key={p.userId}>
              {p.name}, on {formatDate(p.acceptedAt ?? '')}
            </li>
          ))}
        </ul>
      ) : (
        <p>No one has accepted this version yet.</p>
      )}
      {not.length ? (
        <>
          <h3>Not yet accepted</h3>
          <ul aria-label="People who have not accepted yet">
            {not.map((p) => (
              <li key={p.userId}>{p.name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
