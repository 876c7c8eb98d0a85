import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { z } from 'zod';
import type { groupList } from '../../../contracts/groups.ts';
import { createFeedBody } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Item, ItemAction } from '../../components/Item.tsx';
import { Form, SelectField, SubmitButton } from '../../components/Form.tsx';
import { api, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { useAction } from './actions.ts';
import type { CalendarFeed, FeedList } from './types.ts';

const FEEDS = '/api/v1/calendar-feeds';

function feedName(intl: IntlShape, feed: CalendarFeed): string {
  return feed.group
    ? intl.formatMessage(
        { id: 'meetings.feeds.groupFeed', defaultMessage: 'Meetings of {group}' },
        { group: feed.group.name },
      )
    : intl.formatMessage({ id: 'meetings.feeds.allFeed', defaultMessage: 'All my meetings' });
}

/** Calendar (iCalendar) feeds: make one for a group or for all my meetings, see them, revoke them. */
export function CalendarFeeds() {
  const intl = useIntl();
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
    const question = intl.formatMessage(
      {
        id: 'meetings.feeds.confirmRevoke',
        defaultMessage: 'Revoke the feed “{name}”? Calendars using it stop updating.',
      },
      { name: feedName(intl, feed) },
    );
    if (!window.confirm(question)) {
      return;
    }
    revoke.run(
      () => api.delete(`${FEEDS}/${segment(feed.id)}`),
      () => {
        if (created?.id === feed.id) setCreated(null);
        announce(
          intl.formatMessage(
            { id: 'meetings.feeds.revoked', defaultMessage: 'The feed “{name}” is revoked.' },
            { name: feedName(intl, feed) },
          ),
        );
        heading.current?.focus();
        feeds.reload();
      },
    );
  }

  const list = feeds.data?.feeds ?? [];
  return (
    <section aria-labelledby="feeds-title" className="section">
      <h2 id="feeds-title" ref={heading} tabIndex={-1}>
        <FormattedMessage id="meetings.feeds.heading" defaultMessage="Calendar feeds" />
      </h2>
      <p>
        <FormattedMessage
          id="meetings.feeds.intro"
          defaultMessage="A calendar feed puts meetings in your own calendar (Google, Outlook, Apple and others), and keeps them up to date when they move or are cancelled."
        />
      </p>
      {feeds.error ? <LoadProblem error={feeds.error} retry={feeds.reload} /> : null}
      {feeds.loading ? <Loading /> : null}
      {feeds.data && list.length === 0 ? (
        <p>
          <FormattedMessage id="meetings.feeds.none" defaultMessage="You have no calendar feeds." />
        </p>
      ) : null}
      {list.length > 0 ? (
        <ul
          className="item-list"
          aria-label={intl.formatMessage({
            id: 'meetings.feeds.listLabel',
            defaultMessage: 'Your calendar feeds',
          })}
        >
          {list.map((feed) => (
            <Item
              key={feed.id}
              title={feedName(intl, feed)}
              about={
                <FormattedMessage
                  id="meetings.feeds.made"
                  defaultMessage="Made {date}."
                  values={{ date: formatDate(feed.createdAt) }}
                />
              }
            >
              <ItemAction onClick={() => remove(feed)}>
                <FormattedMessage
                  id="meetings.feeds.revoke"
                  defaultMessage="Revoke<hidden> the feed {name}</hidden>"
                  values={{
                    name: feedName(intl, feed),
                    hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                  }}
                />
              </ItemAction>
            </Item>
          ))}
        </ul>
      ) : null}
      <Problem error={revoke.problem} />

      <h3 id="new-feed-title">
        <FormattedMessage id="meetings.feeds.newHeading" defaultMessage="Make a calendar feed" />
      </h3>
      <Form
        id="new-feed"
        state={form}
        labels={{
          groupId: intl.formatMessage({
            id: 'meetings.feeds.which',
            defaultMessage: 'Which meetings?',
          }),
        }}
        onSubmit={create}
        labelledBy="new-feed-title"
      >
        <SelectField
          name="groupId"
          defaultValue=""
          options={[
            {
              value: '',
              label: intl.formatMessage({
                id: 'meetings.feeds.everyGroup',
                defaultMessage: 'All my meetings, in every group',
              }),
            },
            ...(groups.data?.groups ?? []).map((g) => ({
              value: g.id,
              label: intl.formatMessage(
                { id: 'meetings.feeds.onlyGroup', defaultMessage: 'Only {group}' },
                { group: g.name },
              ),
            })),
          ]}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="meetings.feeds.submit" defaultMessage="Make a calendar feed" />
        </SubmitButton>
      </Form>

      {created?.url ? (
        <div className="panel">
          <h3>
            <FormattedMessage id="meetings.feeds.newFeed" defaultMessage="Your new calendar feed" />
          </h3>
          <p>
            <FormattedMessage
              id="meetings.feeds.copyNow"
              defaultMessage="<b>Copy this address now: you will not see it again.</b> In your calendar app, choose to add or subscribe to a calendar “from URL” and paste it. Keep it private: anyone with it can see these meetings."
              values={{ b: (chunks) => <strong>{chunks}</strong> }}
            />
          </p>
          <CopyField
            id="new-feed-url"
            label={intl.formatMessage(
              { id: 'meetings.feeds.address', defaultMessage: 'Address of “{name}”' },
              { name: feedName(intl, created) },
            )}
            value={created.url}
            copyLabel={intl.formatMessage({
              id: 'meetings.feeds.copy',
              defaultMessage: 'Copy the address',
            })}
            inputRef={urlInput}
          />
        </div>
      ) : null}
    </section>
  );
}
