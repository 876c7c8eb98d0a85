import type { ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { learningBody } from '../../../contracts/notes.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { ListSection } from '../../components/ListSection.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { Section } from '../../components/Section.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { groupApi, type Group, type LearningEntry, type LearningList } from './types.ts';
import { GroupLead, TO_MY_GROUPS } from './GroupLead.tsx';
import './learning.css';

const LOG_LEAD = defineMessages({
  lead: {
    id: 'learning.log.lead',
    defaultMessage:
      'What <group>{name}</group> has learned: from what went well, and from what went wrong.',
  },
}).lead;

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  addLearning: { id: 'learning.log.addTitle', defaultMessage: 'Add to the learning log' },
});

/** What the app shows to release an entry (a chair's "Release…"); app/ composes it. */
export type LearningRelease = (entry: {
  groupId: string;
  entryId: string;
  /** In words, such as "what we learned on 3 March 2027". */
  what: string;
  /** Fetch the log again after a release, so the entry says it is released. */
  onChanged: () => void;
}) => ReactNode;

type Props = { groupId: string; release?: LearningRelease };

const LABELS = defineMessages({
  whatHappened: { id: 'learning.log.whatHappened', defaultMessage: 'What happened?' },
  whatWeLearned: { id: 'learning.log.whatWeLearned', defaultMessage: 'What did we learn?' },
  whatWeWillChange: {
    id: 'learning.log.whatWeWillChange',
    defaultMessage: 'What will we change?',
  },
  tags: { id: 'learning.log.tags', defaultMessage: 'Tags' },
});

/** Tags as typed ("Access, venues") as the API takes them: ['access', 'venues']. */
function tagsFrom(typed: string): string[] {
  return typed
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
}

/** A problem with one tag ("tags.1") belongs to the tags box. */
function aboutTags(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.fields)) {
    const key = name.startsWith('tags') ? 'tags' : name;
    fields[key] ??= message;
  }
  return new ApiError(error.status, error.code, error.message, fields);
}

const TITLE = defineMessages({
  title: { id: 'learning.log.title', defaultMessage: 'Learning log' },
}).title;

/** What the page says before it can be shown. */
const FRAME = {
  ...defineMessages({
    title: { id: 'learning.log.cannotShow', defaultMessage: 'We could not show the learning log' },
    missing: {
      id: 'learning.log.cannotShowLead',
      defaultMessage:
        'The group may have been removed, or you may not be able to see its learning log.',
    },
  }),
  pageTitle: TITLE,
  back: TO_MY_GROUPS,
};

/** The page's lists: their headings, and what stands in for an empty one. */
const LISTS = defineMessages({
  entries: { id: 'learning.log.entries', defaultMessage: 'What we have learned' },
  entriesEmpty: { id: 'learning.log.empty', defaultMessage: 'Nothing is in the learning log yet.' },
});

/**
 * The learning log: ideas and lessons, "learning when things go wrong, not
 * attributing blame". Entries have no person in them: what happened, what we
 * learned, what we will change.
 */
export function LearningPage({ groupId, release }: Props) {
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();
  const group = useResource<Group>(groupApi(groupId));
  const log = useResource<LearningList>(groupApi(groupId, '/learning'));
  const frame = pageFrame([group, log], FRAME, '/groups');
  if (frame || !group.data || !log.data) return frame;

  async function add(values: FormValues, element: HTMLFormElement) {
    try {
      const body = validate(learningBody, { ...values, tags: tagsFrom(values.tags ?? '') });
      await api.post(groupApi(groupId, '/learning'), body);
    } catch (problem) {
      throw aboutTags(problem);
    }
    element.reset();
    announce(
      intl.formatMessage({
        id: 'learning.log.added',
        defaultMessage: 'Added to the learning log.',
      }),
    );
    log.reload();
  }

  const isChair = group.data.myRole === 'chair';
  const entries = log.data.entries;
  return (
    <Page
      title={intl.formatMessage(TITLE)}
      lead={<GroupLead message={LOG_LEAD} groupId={groupId} groupName={group.data.name} />}
    >
      <ListSection
        id="entries-title"
        heading={LISTS.entries}
        count={entries.length}
        empty={LISTS.entriesEmpty}
        listClassName="card-list"
      >
        {entries.map((entry) => (
          <Entry
            key={entry.id}
            entry={entry}
            release={
              isChair && release
                ? release({
                    groupId,
                    entryId: entry.id,
                    what: intl.formatMessage(
                      {
                        id: 'learning.log.releaseWhat',
                        defaultMessage: 'what we learned on {date}',
                      },
                      { date: formatCalendarDate(entry.recordedOn) },
                    ),
                    onChanged: log.reload,
                  })
                : null
            }
          />
        ))}
      </ListSection>

      <Section id="add-learning-title" heading={SECTIONS.addLearning}>
        <p>
          <FormattedMessage
            id="learning.log.noBlame"
            defaultMessage="Learning, not blame: write what happened, not who did it. Do not name anyone, or say who held which view."
          />
        </p>
        <Form
          id="learning"
          state={form}
          labels={{
            whatHappened: intl.formatMessage(LABELS.whatHappened),
            whatWeLearned: intl.formatMessage(LABELS.whatWeLearned),
            whatWeWillChange: intl.formatMessage(LABELS.whatWeWillChange),
            tags: intl.formatMessage(LABELS.tags),
          }}
          onSubmit={add}
          labelledBy="add-learning-title"
        >
          <TextArea name="whatHappened" />
          <TextArea name="whatWeLearned" />
          <TextArea name="whatWeWillChange" />
          <TextField
            name="tags"
            optional
            hint={intl.formatMessage({
              id: 'learning.log.tagsHint',
              defaultMessage:
                'Short words to find it by, separated by commas, such as: access, venues.',
            })}
            autoCapitalize="none"
          />
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="learning.log.add" defaultMessage="Add to the log" />
          </SubmitButton>
        </Form>
      </Section>
    </Page>
  );
}

function entryTitle(intl: IntlShape, entry: LearningEntry): string {
  return intl.formatMessage(
    { id: 'learning.entry.title', defaultMessage: 'What we learned, {date}' },
    { date: formatCalendarDate(entry.recordedOn) },
  );
}

function Entry({ entry, release }: { entry: LearningEntry; release: ReactNode }) {
  const intl = useIntl();
  const titleId = `entry-${entry.id}`;
  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {entryTitle(intl, entry)}
      </h3>
      {entry.released ? (
        <p className="learning-released">
          <FormattedMessage
            id="learning.entry.released"
            defaultMessage="Released beyond the group"
          />
        </p>
      ) : null}
      <dl className="learning-parts">
        <dt>
          <FormattedMessage id="learning.entry.whatHappened" defaultMessage="What happened" />
        </dt>
        <dd>{entry.whatHappened}</dd>
        <dt>
          <FormattedMessage id="learning.entry.whatWeLearned" defaultMessage="What we learned" />
        </dt>
        <dd>{entry.whatWeLearned}</dd>
        <dt>
          <FormattedMessage
            id="learning.entry.whatWeWillChange"
            defaultMessage="What we will change"
          />
        </dt>
        <dd>{entry.whatWeWillChange}</dd>
      </dl>
      {entry.tags.length > 0 ? (
        <ul className="learning-tags" aria-label={intl.formatMessage(LABELS.tags)}>
          {entry.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}
      {release}
    </li>
  );
}
