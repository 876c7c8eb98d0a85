import { suggestionBody, suggestionOutcomeBody } from '../../../contracts/notes.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Form, SelectField, SubmitButton, TextArea } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
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
import './learning.css';

/**
 * Suggestions stay on the "to consider" list until the group records how it
 * considered them; then they join "You said, we did", with the meeting, what
 * the group did, and any decision it led to.
 */
export function SuggestionsPage({ groupId }: { groupId: string }) {
  const announce = useAnnounce();
  const form = useFormState();
  const group = useResource<Group>(groupApi(groupId));
  const suggestions = useResource<SuggestionList>(groupApi(groupId, '/suggestions'));
  const decisions = useResource<DecisionList>(groupApi(groupId, '/decisions'));
  const isChair = group.data?.myRole === 'chair';
  const meetings = useResource<MeetingList>(
    isChair ? groupApi(groupId, '/meetings?when=all') : null,
  );
  const error = group.error ?? suggestions.error;

  if (error && ['not_found', 'validation_failed', 'forbidden'].includes(error.code)) {
    return (
      <Page title="We could not show the suggestions">
        <p>The group may have been removed, or you may not be able to see its suggestions.</p>
        <p>
          <Link to="/groups">Go to my groups</Link>
        </p>
      </Page>
    );
  }
  if (!group.data || !suggestions.data) {
    return (
      <Page title="Suggestions" busy>
        {error ? (
          <LoadProblem
            error={error}
            retry={() => {
              group.reload();
              suggestions.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  async function suggest(values: FormValues, element: HTMLFormElement) {
    const body = validate(suggestionBody, { text: values.text ?? '' });
    await api.post(groupApi(groupId, '/suggestions'), body);
    element.reset();
    announce('Thank you: your suggestion is on the list to consider.');
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
      title="Suggestions"
      lead={
        <div className="lead">
          <p>
            Ideas for <Link to={groupPage(groupId)}>{group.data.name}</Link>, and what the group did
            about them.
          </p>
        </div>
      }
    >
      <section aria-labelledby="to-consider-title" className="section">
        <h2 id="to-consider-title">To consider</h2>
        {toConsider.length === 0 ? <p>There are no suggestions waiting.</p> : null}
        {toConsider.length > 0 ? (
          <ul className="card-list" aria-labelledby="to-consider-title">
            {toConsider.map((s) => (
              <li key={s.id} className="card">
                <p className="learning-said">{s.text}</p>
                <p className="muted">Suggested on {formatCalendarDate(s.madeOn)}</p>
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
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="we-did-title" className="section">
        <h2 id="we-did-title">You said, we did</h2>
        {considered.length === 0 ? <p>No suggestions have been considered yet.</p> : null}
        {considered.length > 0 ? (
          <ul className="card-list" aria-labelledby="we-did-title">
            {considered.map((s) => (
              <Considered
                key={s.id}
                groupId={groupId}
                suggestion={s}
                decision={s.decisionId ? decisionById.get(s.decisionId) : undefined}
              />
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="suggest-title" className="section">
        <h2 id="suggest-title">Make a suggestion</h2>
        <Form
          id="suggest"
          state={form}
          labels={{ text: 'Your suggestion' }}
          onSubmit={suggest}
          labelledBy="suggest-title"
        >
          <TextArea
            name="text"
            hint="Suggestions are kept without your name. The group considers each one at a meeting."
          />
          <SubmitButton busy={form.busy}>Send the suggestion</SubmitButton>
        </Form>
      </section>
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
        <dt>You said</dt>
        <dd>{suggestion.text}</dd>
        <dt>We did</dt>
        <dd>{suggestion.outcome}</dd>
      </dl>
      <p className="muted">
        {suggestion.consideredAtMeeting ? (
          <Link to={groupPage(groupId, `/meetings/${segment(suggestion.consideredAtMeeting)}`)}>
            Considered at the meeting of{' '}
            {suggestion.consideredOn ? formatCalendarDate(suggestion.consideredOn) : 'the group'}
          </Link>
        ) : null}
      </p>
      {suggestion.decisionId ? (
        <p>
          <Link to={groupPage(groupId, `/decisions/${segment(suggestion.decisionId)}`)}>
            {decision ? `Decision ${decision.number}: ${decision.title}` : 'The decision it led to'}
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
  const announce = useAnnounce();
  const form = useFormState();
  const id = `outcome-${suggestion.id}`;

  async function record(values: FormValues) {
    const body = validate(suggestionOutcomeBody, withoutEmpty(values));
    await api.post(groupApi(groupId, `/suggestions/${segment(suggestion.id)}/outcome`), body);
    announce('Recorded: the suggestion is now under “You said, we did”.');
    onRecorded();
  }

  return (
    <details className="details">
      <summary>Record how the group considered it</summary>
      {meetings.length === 0 ? (
        <p>No meeting has taken place yet to consider it at.</p>
      ) : (
        <Form
          id={id}
          state={form}
          labels={{
            meetingId: 'The meeting that considered it',
            outcome: 'What did the group do?',
            decisionId: 'The decision it led to',
          }}
          onSubmit={record}
        >
          <SelectField
            name="meetingId"
            defaultValue={meetings[0]?.id}
            options={meetings.map((m) => ({
              value: m.id,
              label: `${m.title}, ${formatDayIn(m.startsAt, m.timeZone)}`,
            }))}
          />
          <TextArea name="outcome" hint="In plain words, for the person who suggested it." />
          <SelectField
            name="decisionId"
            optional
            options={[
              { value: '', label: 'No decision' },
              ...decisions.map((d) => ({
                value: d.id,
                label: `Decision ${d.number}: ${d.title}`,
              })),
            ]}
          />
          <SubmitButton busy={form.busy}>Record the outcome</SubmitButton>
        </Form>
      )}
    </details>
  );
}
