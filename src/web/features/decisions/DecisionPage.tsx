import type { Group } from '../../../contracts/groups.ts';
import { correctDecisionBody } from '../../../contracts/decisions.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api, segment } from '../../lib/api.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { AnswerCounts, TallyList } from './Answers.tsx';
import {
  CONSENSUS_OUTCOMES,
  decisionOutcome,
  decisionsApi,
  decisionsPage,
  METHODS,
  people,
  STANCES,
  type Decision,
  type Opinion,
} from './types.ts';
import './decisions.css';

type Props = { groupId: string; decisionId: string };

/**
 * One decision as recorded: the text agreed, the outcome, the consensus check
 * and the count, every opinion voiced (the majority and each minority, or
 * views held evenly where the group was split, without names), and the
 * corrections that link it to other records.
 */
export function DecisionPage({ groupId, decisionId }: Props) {
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const decision = useResource<Decision>(decisionsApi(groupId, decisionId));
  const corrects = useResource<Decision>(
    decision.data?.corrects ? decisionsApi(groupId, decision.data.corrects) : null,
  );
  const correctedBy = useResource<Decision>(
    decision.data?.correctedBy ? decisionsApi(groupId, decision.data.correctedBy) : null,
  );
  const error = decision.error ?? group.error;

  if (error && ['not_found', 'validation_failed', 'forbidden'].includes(error.code)) {
    return (
      <Page title="We could not find that decision">
        <p>It may not exist, or you may not be in the group.</p>
        <p>
          <Link to={decisionsPage(groupId)}>Go to the decision register</Link>
        </p>
      </Page>
    );
  }
  if (!decision.data || !group.data) {
    return (
      <Page title="Decision" busy>
        {error ? (
          <LoadProblem
            error={error}
            retry={() => {
              group.reload();
              decision.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const data = decision.data;
  const isChair = group.data.myRole === 'chair';
  const majority = data.opinions.filter((o) => o.weight === 'majority');
  const minority = data.opinions.filter((o) => o.weight === 'minority');
  const even = data.opinions.filter((o) => o.weight === 'even');
  const linkTo = (other: Decision | undefined, id: string, fallback: string) => (
    <Link to={decisionsPage(groupId, id)}>
      {other ? `Decision ${other.number}: ${other.title}` : fallback}
    </Link>
  );

  return (
    <Page
      title={`Decision ${data.number}: ${data.title}`}
      lead={
        <div className="lead">
          <p>
            Of <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link>
          </p>
          <p>
            <Link to={decisionsPage(groupId)}>Decision register</Link>
          </p>
        </div>
      }
    >
      {data.correctedBy ? (
        <p className="notice corrected">
          This decision has been corrected. The correction is{' '}
          {linkTo(correctedBy.data, data.correctedBy, 'the decision that corrects it')}.
        </p>
      ) : null}

      <dl className="facts">
        <dt>Outcome</dt>
        <dd>{decisionOutcome(data)}</dd>
        <dt>How</dt>
        <dd>{METHODS[data.method]}</dd>
        <dt>Decided on</dt>
        <dd>{formatCalendarDate(data.decidedOn)}</dd>
        <dt>Recorded</dt>
        <dd>{formatDateTime(data.recordedAt)}</dd>
        {data.meetingId ? (
          <>
            <dt>Where</dt>
            <dd>
              <Link to={`/groups/${segment(groupId)}/meetings/${segment(data.meetingId)}`}>
                At a meeting
              </Link>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="final-text-title" className="section">
        <h2 id="final-text-title">What was decided</h2>
        <p className="proposal-text">{data.finalText}</p>
        <p>{data.summary}</p>
      </section>

      {data.corrects ? (
        <section aria-labelledby="corrects-title" className="section">
          <h2 id="corrects-title">What this corrects</h2>
          <p>This record corrects {linkTo(corrects.data, data.corrects, 'an earlier decision')}.</p>
          {data.correctionReason ? (
            <p>
              <strong>Why:</strong> {data.correctionReason}
            </p>
          ) : null}
        </section>
      ) : null}

      {data.consensus ? (
        <section aria-labelledby="consensus-title" className="section">
          <h2 id="consensus-title">The consensus check</h2>
          <p>
            {CONSENSUS_OUTCOMES[data.consensus.outcome]}.{' '}
            {people(
              data.consensus.counts.agree +
                data.consensus.counts.concerns +
                data.consensus.counts.standAside +
                data.consensus.counts.block,
            )}{' '}
            answered.
          </p>
          <AnswerCounts
            counts={data.consensus.counts}
            reasons={data.consensus.reasons}
            label="Answers to the consensus check, without names"
          />
        </section>
      ) : null}

      {data.tally ? (
        <section aria-labelledby="tally-title" className="section">
          <h2 id="tally-title">The formal vote</h2>
          <TallyList tally={data.tally} label="Count of the formal vote" />
        </section>
      ) : null}

      {data.opinions.length > 0 ? (
        <section aria-labelledby="opinions-title" className="section">
          <h2 id="opinions-title">Opinions voiced</h2>
          <p>
            {even.length > 0
              ? 'Every view the group held, without names. No view was held by more people than another, so none is called the majority.'
              : 'Every view the group held, the majority and each minority, without names.'}
          </p>
          <Opinions title="The majority view" opinions={majority} id="majority" />
          <Opinions title="Views held evenly" opinions={even} id="even" />
          <Opinions
            title={minority.length === 1 ? 'A minority view' : 'Minority views'}
            opinions={minority}
            id="minority"
          />
        </section>
      ) : null}

      {isChair && !data.correctedBy ? <RecordCorrection decision={data} groupId={groupId} /> : null}
    </Page>
  );
}

function Opinions({ title, opinions, id }: { title: string; opinions: Opinion[]; id: string }) {
  if (opinions.length === 0) return null;
  return (
    <>
      <h3 id={`${id}-title`}>{title}</h3>
      <ul className="opinion-list" aria-labelledby={`${id}-title`}>
        {opinions.map((opinion) => (
          <li key={opinion.stance} className="opinion">
            <p className="opinion-stance">
              {STANCES[opinion.stance]}: {people(opinion.count)}
            </p>
            {opinion.reasons.length > 0 ? (
              <ul className="reason-list" aria-label={`Reasons: ${STANCES[opinion.stance]}`}>
                {opinion.reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">No reasons were given.</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** For chairs: a correction is a new record, linked to this one; this one is kept as it was. */
function RecordCorrection({ decision, groupId }: { decision: Decision; groupId: string }) {
  const form = useFormState();

  async function correct(values: FormValues) {
    const body = validate(correctDecisionBody, {
      finalText: values.finalText ?? '',
      reason: values.reason ?? '',
    });
    const made = await api.post<Decision>(decisionsApi(groupId, decision.id, '/corrections'), body);
    navigate(decisionsPage(groupId, made.id), {
      notice: `The correction is recorded. Decision ${decision.number} is kept as it was, linked to this one.`,
    });
  }

  return (
    <section aria-labelledby="correction-title" className="section">
      <h2 id="correction-title">Record a correction</h2>
      <p>
        If the record is wrong, record a correction. It becomes a new decision, linked both ways to
        this one, which stays in the register as it was.
      </p>
      <Form
        id="correction"
        state={form}
        labels={{ finalText: 'The corrected text', reason: 'Why it is corrected' }}
        onSubmit={correct}
        labelledBy="correction-title"
      >
        <TextArea name="finalText" defaultValue={decision.finalText} />
        <TextArea name="reason" hint="The group sees this, and it is kept in the record." />
        <SubmitButton busy={form.busy}>Record the correction</SubmitButton>
      </Form>
    </section>
  );
}
