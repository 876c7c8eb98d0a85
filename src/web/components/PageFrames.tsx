import type { ReactNode } from 'react';
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

type UnavailablePageProps = {
  title: string;
  error: ApiError;
  /** Why the page cannot be shown when it is missing or its address is wrong. */
  missing: ReactNode;
  /** Why, when the person may not see it; the missing sentence serves where this is not given. */
  forbidden?: ReactNode;
  /** Where to go instead, and the words of that link. */
  back: { to: string; label: ReactNode };
};

/** A page that cannot be shown to this person: why, and where to go instead. */
export function UnavailablePage({ title, error, missing, forbidden, back }: UnavailablePageProps) {
  return (
    <Page title={title}>
      <p>{error.code === 'forbidden' && forbidden ? forbidden : missing}</p>
      <p>
        <Link to={back.to}>{back.label}</Link>
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
