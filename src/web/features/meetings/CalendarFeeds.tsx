import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { groupList } from '../../../contracts/groups.ts';
import { createFeedBody } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Form, SelectField, SubmitButton } from '../../components/Form.tsx';
import { api, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { useAction } from './actions.ts';
import type { CalendarFeed, FeedList } from './types.ts';

const FEEDS = '/api/v1/calendar-feeds';

function feedName(feed: CalendarFeed): string {
  return feed.group ? `Meetings of ${feed.group.name}` : 'All my meetings';
}

/** Calendar (iCalendar) feeds: make one for a group or for all my meetings, see them, revoke them. */
export function CalendarFeeds() {
  const feeds = useResource<FeedList>(FEEDS);
  const groups = useResource<z.infer<typeof groupList>>('/api/v1/groups');
  const form = useFormState();
  const announce = useAnnounce();
  const revoke = useAction();
  const [created, setCreated] = useState<CalendarFeed | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (created) urlInput.current?.focus();
  }, [created]);

  async function create(values: FormValues, element: HTMLFormElement) {
    const body = validate(createFeedBody, withoutEmpty(values));
    setCreated(await api.post<CalendarFeed>(FEEDS, body));
    element.reset();
    feeds.reload();
  }

  function remove(feed: CalendarFeed) {
    if (!window.confirm(`Revoke the feed “${feedName(feed)}”? Calendars using it stop updating.`)) {
      return;
    }
    revoke.run(
      () => api.delete(`${FEEDS}/${segment(feed.id)}`),
      () => {
        if (created?.id === feed.id) setCreated(null);
        announce(`The feed “${feedName(feed)}” is revoked.`);
        heading.current?.focus();
        feeds.reload();
      },
    );
  }

  const list = feeds.data?.feeds ?? [];
  return (
    <section aria-labelledby="feeds-title" className="section">
      <h2 id="feeds-title" ref={heading} tabIndex={-1}>
        Calendar feeds
      </h2>
      <p>
        A calendar feed puts meetings in your own calendar (Google, Outlook, Apple and others), and
        keeps them up to date when they move or are cancelled.
      </p>
      {feeds.error ? <LoadProblem error={feeds.error} retry={feeds.reload} /> : null}
      {feeds.loading ? <Loading /> : null}
      {feeds.data && list.length === 0 ? <p>You have no calendar feeds.</p> : null}
      {list.length > 0 ? (
        <ul className="item-list" aria-label="Your calendar feeds">
          {list.map((feed) => (
            <li key={feed.id} className="item">
              <div className="item-main">
                <p className="item-title">{feedName(feed)}</p>
                <p className="muted">Made {formatDate(feed.createdAt)}.</p>
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => remove(feed)}
              >
                Revoke<span className="visually-hidden"> the feed {feedName(feed)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Problem error={revoke.problem} />

      <h3 id="new-feed-title">Make a calendar feed</h3>
      <Form
        id="new-feed"
        state={form}
        labels={{ groupId: 'Which meetings?' }}
        onSubmit={create}
        labelledBy="new-feed-title"
      >
        <SelectField
          name="groupId"
          defaultValue=""
          options={[
            { value: '', label: 'All my meetings, in every group' },
            ...(groups.data?.groups ?? []).map((g) => ({
              value: g.id,
              label: `Only ${g.name}`,
            })),
          ]}
        />
        <SubmitButton busy={form.busy}>Make a calendar feed</SubmitButton>
      </Form>

      {created?.url ? (
        <div className="panel">
          <h3>Your new calendar feed</h3>
          <p>
            <strong>Copy this address now: you will not see it again.</strong> In your calendar app,
            choose to add or subscribe to a calendar “from URL” and paste it. Keep it private:
            anyone with it can see these meetings.
          </p>
          <CopyField
            id="new-feed-url"
            label={`Address of “${feedName(created)}”`}
            value={created.url}
            copyLabel="Copy the address"
            inputRef={urlInput}
          />
        </div>
      ) : null}
    </section>
  );
}
