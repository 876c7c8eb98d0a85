import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { suggestionBody, suggestionOutcomeBody } from '../../../contracts/notes.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Form, SelectField, SubmitButton, TextArea } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { ListSection } from '../../components/ListSection.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { Section } from '../../components/Section.tsx';
import { api, segment } from '../../lib/api.ts';
import { formatCalendarDate, formatDayIn } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import {
  groupApi,
  groupPage,
  type Decision,
  type DecisionList,
  type Group,
  type Meeting,
  type MeetingList,
  type Suggestion,
  type SuggestionList,
} from './types.ts';
import { GroupLead, TO_MY_GROUPS } from './GroupLead.tsx';
import './learning.css';

const SUGGESTIONS_LEAD = defineMessages({
  lead: {
    id: 'learning.suggestions.lead',
    defaultMessage: 'Ideas for <group>{name}</group>, and what the group did about them.',
  },
}).lead;

/** What the page says before it can be shown. */
const FRAME = {
  ...defineMessages({
    pageTitle: { id: 'learning.suggestions.title', defaultMessage: 'Suggestions' },
    title: {
      id: 'learning.suggestions.cannotShow',
      defaultMessage: 'We could not show the suggestions',
    },
    missing: {
      id: 'learning.suggestions.cannotShowLead',
      defaultMessage:
        'The group may have been removed, or you may not be able to see its suggestions.',
    },
  }),
  back: TO_MY_GROUPS,
};

/** The page's lists: their headings, and what stands in for an empty one. */
const LISTS = defineMessages({
  toConsider: { id: 'learning.suggestions.toConsider', defaultMessage: 'To consider' },
  toConsiderEmpty: {
    id: 'learning.suggestions.noneWaiting',
    defaultMessage: 'There are no suggestions waiting.',
  },
  considered: { id: 'learning.suggestions.weDid', defaultMessage: 'You said, we did' },
  consideredEmpty: {
    id: 'learning.suggestions.noneConsidered',
    defaultMessage: 'No suggestions have been considered yet.',
  },
});

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  suggest: { id: 'learning.suggestions.make', defaultMessage: 'Make a suggestion' },
});

/**
 * Suggestions stay on the "to consider" list until the group records how it
 * considered them; then they join "You said, we did", with the meeting, what
 * the group did, and any decision it led to.
 */
export function SuggestionsPage({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const title = intl.formatMessage(FRAME.pageTitle);
  const announce = useAnnounce();
  const form = useFormState();
  const group = useResource<Group>(groupApi(groupId));
  const suggestions = useResource<SuggestionList>(groupApi(groupId, '/suggestions'));
  const decisions = useResource<DecisionList>(groupApi(groupId, '/decisions'));
  const isChair = group.data?.myRole === 'chair';
  const meetings = useResource<MeetingList>(
    isChair ? groupApi(groupId, '/meetings?when=all') : null,
  );
  const frame = pageFrame([group, suggestions], FRAME, '/groups');
  if (frame || !group.data || !suggestions.data) return frame;

  async function suggest(values: FormValues, element: HTMLFormElement) {
    const body = validate(suggestionBody, { text: values.text ?? '' });
    await api.post(groupApi(groupId, '/suggestions'), body);
    element.reset();
    announce(
      intl.formatMessage({
        id: 'learning.suggestions.thanks',
        defaultMessage: 'Thank you: your suggestion is on the list to consider.',
      }),
    );
    suggestions.reload();
  }

  const all = suggestions.data.suggestions;
  const toConsider = all.filter((s) => s.status === 'to_consider');
  const considered = all
    .filter((s) => s.status === 'considered')
    .sort((a, b) => (b.consideredOn ?? '').localeCompare(a.consideredOn ?? ''));
  const decisionById = new Map((decisions.data?.decisions ?? []).map((d) => [d.id, d]));
  const held = (meetings.data?.meetings ?? [])
    .filter((m) => m.status === 'scheduled' && m.phase !== 'upcoming')
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));

  return (
    <Page
      title={title}
      lead={<GroupLead message={SUGGESTIONS_LEAD} groupId={groupId} groupName={group.data.name} />}
    >
      <ListSection
        id="to-consider-title"
        heading={LISTS.toConsider}
        count={toConsider.length}
        empty={LISTS.toConsiderEmpty}
        listClassName="card-list"
      >
        {toConsider.map((s) => (
          <li key={s.id} className="card">
            <p className="learning-said">{s.text}</p>
            <p className="muted">
              <FormattedMessage
                id="learning.suggestions.madeOn"
                defaultMessage="Suggested on {date}"
                values={{ date: formatCalendarDate(s.madeOn) }}
              />
            </p>
            {isChair ? (
              <RecordOutcome
                groupId={groupId}
                suggestion={s}
                meetings={held}
                decisions={decisions.data?.decisions ?? []}
                onRecorded={suggestions.reload}
              />
            ) : null}
          </li>
        ))}
      </ListSection>

      <ListSection
        id="we-did-title"
        heading={LISTS.considered}
        count={considered.length}
        empty={LISTS.consideredEmpty}
        listClassName="card-list"
      >
        {considered.map((s) => (
          <Considered
            key={s.id}
            groupId={groupId}
            suggestion={s}
            decision={s.decisionId ? decisionById.get(s.decisionId) : undefined}
          />
        ))}
      </ListSection>

      <Section id="suggest-title" heading={SECTIONS.suggest}>
        <Form
          id="suggest"
          state={form}
          labels={{
            text: intl.formatMessage({
              id: 'learning.suggestions.text',
              defaultMessage: 'Your suggestion',
            }),
          }}
          onSubmit={suggest}
          labelledBy="suggest-title"
        >
          <TextArea
            name="text"
            hint={intl.formatMessage({
              id: 'learning.suggestions.textHint',
              defaultMessage:
                'Suggestions are kept without your name. The group considers each one at a meeting.',
            })}
          />
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="learning.suggestions.send" defaultMessage="Send the suggestion" />
          </SubmitButton>
        </Form>
      </Section>
    </Page>
  );
}

function Considered({
  groupId,
  suggestion,
  decision,
}: {
  groupId: string;
  suggestion: Suggestion;
  decision: Decision | undefined;
}) {
  return (
    <li className="card">
      <dl className="learning-parts">
        <dt>
          <FormattedMessage id="learning.considered.youSaid" defaultMessage="You said" />
        </dt>
        <dd>{suggestion.text}</dd>
        <dt>
          <FormattedMessage id="learning.considered.weDid" defaultMessage="We did" />
        </dt>
        <dd>{suggestion.outcome}</dd>
      </dl>
      <p className="muted">
        {suggestion.consideredAtMeeting ? (
          <Link to={groupPage(groupId, `/meetings/${segment(suggestion.consideredAtMeeting)}`)}>
            {suggestion.consideredOn ? (
              <FormattedMessage
                id="learning.considered.atMeetingOn"
                defaultMessage="Considered at the meeting of {date}"
                values={{ date: formatCalendarDate(suggestion.consideredOn) }}
              />
            ) : (
              <FormattedMessage
                id="learning.considered.atMeeting"
                defaultMessage="Considered at the meeting of the group"
              />
            )}
          </Link>
        ) : null}
      </p>
      {suggestion.decisionId ? (
        <p>
          <Link to={groupPage(groupId, `/decisions/${segment(suggestion.decisionId)}`)}>
            {decision ? (
              <FormattedMessage
                id="learning.decision.name"
                defaultMessage="Decision {number}: {title}"
                values={{ number: decision.number, title: decision.title }}
              />
            ) : (
              <FormattedMessage
                id="learning.considered.decision"
                defaultMessage="The decision it led to"
              />
            )}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

type RecordProps = {
  groupId: string;
  suggestion: Suggestion;
  /** Meetings that have taken place, latest first. */
  meetings: Meeting[];
  decisions: Decision[];
  onRecorded: () => void;
};

/** A chair records how the group considered a suggestion: where, what it did, any decision. */
function RecordOutcome({ groupId, suggestion, meetings, decisions, onRecorded }: RecordProps) {
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();
  const id = `outcome-${suggestion.id}`;

  async function record(values: FormValues) {
    const body = validate(suggestionOutcomeBody, withoutEmpty(values));
    await api.post(groupApi(groupId, `/suggestions/${segment(suggestion.id)}/outcome`), body);
    announce(
      intl.formatMessage({
        id: 'learning.outcome.recorded',
        defaultMessage: 'Recorded: the suggestion is now under “You said, we did”.',
      }),
    );
    onRecorded();
  }

  return (
    <details className="details">
      <summary>
        <FormattedMessage
          id="learning.outcome.summary"
          defaultMessage="Record how the group considered it"
        />
      </summary>
      {meetings.length === 0 ? (
        <p>
          <FormattedMessage
            id="learning.outcome.noMeeting"
            defaultMessage="No meeting has taken place yet to consider it at."
          />
        </p>
      ) : (
        <Form
          id={id}
          state={form}
          labels={{
            meetingId: intl.formatMessage({
              id: 'learning.outcome.meeting',
              defaultMessage: 'The meeting that considered it',
            }),
            outcome: intl.formatMessage({
              id: 'learning.outcome.outcome',
              defaultMessage: 'What did the group do?',
            }),
            decisionId: intl.formatMessage({
              id: 'learning.considered.decision',
              defaultMessage: 'The decision it led to',
            }),
          }}
          onSubmit={record}
        >
          <SelectField
            name="meetingId"
            defaultValue={meetings[0]?.id}
            options={meetings.map((m) => ({
              value: m.id,
              label: intl.formatMessage(
                { id: 'learning.outcome.meetingOption', defaultMessage: '{title}, {day}' },
                { title: m.title, day: formatDayIn(m.startsAt, m.timeZone) },
              ),
            }))}
          />
          <TextArea
            name="outcome"
            hint={intl.formatMessage({
              id: 'learning.outcome.hint',
              defaultMessage: 'In plain words, for the person who suggested it.',
            })}
          />
          <SelectField
            name="decisionId"
            optional
            options={[
              {
                value: '',
                label: intl.formatMessage({
                  id: 'learning.outcome.noDecision',
                  defaultMessage: 'No decision',
                }),
              },
              ...decisions.map((d) => ({
                value: d.id,
                label: intl.formatMessage(
                  { id: 'learning.decision.name', defaultMessage: 'Decision {number}: {title}' },
                  { number: d.number, title: d.title },
                ),
              })),
            ]}
          />
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="learning.outcome.submit" defaultMessage="Record the outcome" />
          </SubmitButton>
        </Form>
      )}
    </details>
  );
}
