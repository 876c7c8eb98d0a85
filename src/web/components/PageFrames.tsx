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

type PageFrameProps = {
  /** The page's own title, shown while it waits. */
  title: string;
  /** The first problem loading the page's data, if there was one. */
  error: ApiError | null | undefined;
  /** What the page needs, asked for again after a problem. */
  reload: readonly { reload: () => void }[];
  /** What the page says when it is not there for this person. */
  unavailable: UnavailableMessages;
  /** Where such a page sends the person instead. */
  back: string;
};

/**
 * What a page shows until its data is there: that it cannot be shown to this
 * person and where to go instead, or that its data is on its way (or could not
 * be loaded, with a way to try again).
 */
export function PageFrame({ title, error, reload, unavailable, back }: PageFrameProps) {
  if (isUnavailable(error)) {
    return <UnavailablePage error={error} messages={unavailable} back={back} />;
  }
  return (
    <WaitingPage
      title={title}
      error={error}
      retry={() => {
        for (const resource of reload) resource.reload();
      }}
    />
  );
}
