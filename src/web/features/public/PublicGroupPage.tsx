import type { ReactNode } from 'react';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { publicApi, type ReleasedItem, type ReleasedList } from './types.ts';
import './public.css';

type Props = {
  groupId: string;
  /** Renders released text (Markdown) safely; app/ passes the shared renderer. */
  markdown: (source: string) => ReactNode;
  /** What to show when there is no such group, or nothing released: app/ passes its 404 page. */
  notFound: ReactNode;
};

/**
 * A group's public page, for anyone, signed in or not: its name and purpose,
 * and what it has decided to release. Nothing else: not its people, its
 * meetings or its own list of releases.
 */
export function PublicGroupPage({ groupId, markdown, notFound }: Props) {
  const page = useResource<ReleasedList>(publicApi(groupId));

  if (page.error && ['not_found', 'validation_failed'].includes(page.error.code)) {
    return <>{notFound}</>;
  }
  if (!page.data) {
    return (
      <Page title="Public page" busy>
        {page.error ? <LoadProblem error={page.error} retry={page.reload} /> : <Loading />}
      </Page>
    );
  }

  const { group, items } = page.data;
  return (
    <Page
      title={group.name}
      lead={
        <div className="lead">
          <p>What this group has decided to share.</p>
        </div>
      }
    >
      <section aria-labelledby="public-purpose-title" className="section">
        <h2 id="public-purpose-title">What we are working towards</h2>
        <p className="purpose">{group.purpose || 'The group has not written this down yet.'}</p>
      </section>
      <section aria-labelledby="released-title" className="section">
        <h2 id="released-title">What we have released</h2>
        {items.length === 0 ? <p>Nothing has been released yet.</p> : null}
        {items.map((item) => (
          <Released key={item.releaseId} item={item} markdown={markdown} />
        ))}
      </section>
    </Page>
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
            Download the paper<span className="visually-hidden">: {item.title}</span>
          </a>
        </p>
      ) : null}
    </article>
  );
}
