import type { ReactElement } from 'react';
import { FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import type { ApiError } from '../lib/api.ts';
import { LoadProblem, Loading } from './Feedback.tsx';
import { Link } from './Link.tsx';
import { Page } from './Page.tsx';

const UNAVAILABLE = ['not_found', 'validation_failed', 'forbidden'];

/**
 * Whether an error means the page is not there for this person: missing,
 * hidden, or asked for with an address that cannot exist. Such a page says so
 * and offers a way on, rather than "try again".
 */
export function isUnavailable(error: ApiError | null | undefined): error is ApiError {
  return Boolean(error && UNAVAILABLE.includes(error.code));
}

/** What a page says when it cannot be shown to this person. */
export type UnavailableMessages = {
  /** The heading of the page that says so. */
  title: MessageDescriptor;
  /** Why the page cannot be shown when it is missing or its address is wrong. */
  missing: MessageDescriptor;
  /** Why, when the person may not see it; the missing sentence serves where this is not given. */
  forbidden?: MessageDescriptor;
  /** The words of the link to where to go instead. */
  back: MessageDescriptor;
};

type UnavailablePageProps = {
  /** Why it cannot be shown, where an answer from the server said so. */
  error?: ApiError;
  messages: UnavailableMessages;
  /** Where to go instead. */
  back: string;
};

/** A page that cannot be shown to this person: why, and where to go instead. */
export function UnavailablePage({ error, messages, back }: UnavailablePageProps) {
  const intl = useIntl();
  const why =
    error?.code === 'forbidden' && messages.forbidden ? messages.forbidden : messages.missing;
  return (
    <Page title={intl.formatMessage(messages.title)}>
      <p>
        <FormattedMessage {...why} />
      </p>
      <p>
        <Link to={back}>
          <FormattedMessage {...messages.back} />
        </Link>
      </p>
    </Page>
  );
}

type WaitingPageProps = {
  title: string;
  /** A problem loading the page's data, if there was one. */
  error: ApiError | null | undefined;
  /** Ask again for everything the page needs. */
  retry: () => void;
};

/** A page whose data is on its way, or could not be loaded and may be asked for again. */
export function WaitingPage({ title, error, retry }: WaitingPageProps) {
  return (
    <Page title={title} busy>
      {error ? <LoadProblem error={error} retry={retry} /> : <Loading />}
    </Page>
  );
}

/** What a page says before it can be shown: its own title while it waits, and why it cannot be shown. */
export type FrameMessages = UnavailableMessages & {
  /** The page's own title, shown while it waits for its data. */
  pageTitle: MessageDescriptor;
};

/** An answer a page asks for, as useResource gives it. */
type Answer = { data: unknown; error: ApiError | undefined; reload: () => void };

/**
 * What a page shows instead of itself until it can be shown, or null once it
 * can: that it is not there for this person and where to go instead, or that
 * its data is on its way (or could not be loaded, with a way to try again).
 *
 * `answers` are what the page asks for, the one whose problem says most first;
 * the page waits for `waitsFor`, all of them unless given. A page checks its
 * data again after this, which tells TypeScript what this already knows.
 */
export function pageFrame(
  answers: readonly Answer[],
  messages: FrameMessages,
  back: string,
  waitsFor: readonly Answer[] = answers,
): ReactElement | null {
  const error = answers.find((answer) => answer.error)?.error;
  if (!isUnavailable(error) && waitsFor.every((answer) => answer.data)) return null;
  return <PageFrame error={error} answers={answers} messages={messages} back={back} />;
}

type PageFrameProps = {
  error: ApiError | undefined;
  answers: readonly Answer[];
  messages: FrameMessages;
  back: string;
};

function PageFrame({ error, answers, messages, back }: PageFrameProps) {
  const intl = useIntl();
  if (isUnavailable(error)) {
    return <UnavailablePage error={error} messages={messages} back={back} />;
  }
  return (
    <WaitingPage
      title={intl.formatMessage(messages.pageTitle)}
      error={error}
      retry={() => {
        for (const answer of answers) answer.reload();
      }}
    />
  );
}
