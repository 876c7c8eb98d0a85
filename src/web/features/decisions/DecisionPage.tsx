import type { ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import { correctDecisionBody } from '../../../contracts/decisions.ts';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { Section } from '../../components/Section.tsx';
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
import { RegisterLead } from './RegisterLead.tsx';
import './decisions.css';

type Props = { groupId: string; decisionId: string };

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'decisions.decision.loading', defaultMessage: 'Decision' },
  title: {
    id: 'decisions.decision.notFoundTitle',
    defaultMessage: 'We could not find that decision',
  },
  missing: {
    id: 'decisions.decision.notFound',
    defaultMessage: 'It may not exist, or you may not be in the group.',
  },
  back: { id: 'decisions.decision.toRegister', defaultMessage: 'Go to the decision register' },
});

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  finalText: { id: 'decisions.decision.whatDecided', defaultMessage: 'What was decided' },
  corrects: { id: 'decisions.decision.correctsHeading', defaultMessage: 'What this corrects' },
  consensus: { id: 'decisions.decision.consensusHeading', defaultMessage: 'The consensus check' },
  tally: { id: 'decisions.decision.voteHeading', defaultMessage: 'The formal vote' },
  opinions: { id: 'decisions.opinions.heading', defaultMessage: 'Opinions voiced' },
  correction: { id: 'decisions.correction.heading', defaultMessage: 'Record a correction' },
});

/**
 * One decision as recorded: the text agreed, the outcome, the consensus check
 * and the count, every opinion voiced (the majority and each minority, or
 * views held evenly where the group was split, without names), and the
 * corrections that link it to other records.
 */
export function DecisionPage({ groupId, decisionId }: Props) {
  const intl = useIntl();
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const decision = useResource<Decision>(decisionsApi(groupId, decisionId));
  const corrects = useResource<Decision>(
    decision.data?.corrects ? decisionsApi(groupId, decision.data.corrects) : null,
  );
  const correctedBy = useResource<Decision>(
    decision.data?.correctedBy ? decisionsApi(groupId, decision.data.correctedBy) : null,
  );
  const frame = pageFrame([decision, group], FRAME, decisionsPage(groupId));
  if (frame || !decision.data || !group.data) return frame;

  const data = decision.data;
  const isChair = group.data.myRole === 'chair';
  const majority = data.opinions.filter((o) => o.weight === 'majority');
  const minority = data.opinions.filter((o) => o.weight === 'minority');
  const even = data.opinions.filter((o) => o.weight === 'even');
  const linkTo = (other: Decision | undefined, id: string, fallback: string) => (
    <Link to={decisionsPage(groupId, id)}>
      {other
        ? intl.formatMessage(
            { id: 'decisions.decision.name', defaultMessage: 'Decision {number}: {title}' },
            { number: other.number, title: other.title },
          )
        : fallback}
    </Link>
  );

  return (
    <Page
      title={intl.formatMessage(
        { id: 'decisions.decision.name', defaultMessage: 'Decision {number}: {title}' },
        { number: data.number, title: data.title },
      )}
      lead={<RegisterLead groupId={groupId} groupName={group.data.name} next="register" />}
    >
      {data.correctedBy ? (
        <p className="notice corrected">
          <FormattedMessage
            id="decisions.decision.correctedBy"
            defaultMessage="This decision has been corrected. The correction is {link}."
            values={{
              link: linkTo(
                correctedBy.data,
                data.correctedBy,
                intl.formatMessage({
                  id: 'decisions.decision.theCorrection',
                  defaultMessage: 'the decision that corrects it',
                }),
              ),
            }}
          />
        </p>
      ) : null}

      <dl className="facts">
        <dt>
          <FormattedMessage id="decisions.decision.outcome" defaultMessage="Outcome" />
        </dt>
        <dd>{decisionOutcome(intl, data)}</dd>
        <dt>
          <FormattedMessage id="decisions.decision.how" defaultMessage="How" />
        </dt>
        <dd>{intl.formatMessage(METHODS[data.method])}</dd>
        <dt>
          <FormattedMessage id="decisions.decision.decidedOn" defaultMessage="Decided on" />
        </dt>
        <dd>{formatCalendarDate(data.decidedOn)}</dd>
        <dt>
          <FormattedMessage id="decisions.decision.recorded" defaultMessage="Recorded" />
        </dt>
        <dd>{formatDateTime(data.recordedAt)}</dd>
        {data.meetingId ? (
          <>
            <dt>
              <FormattedMessage id="decisions.decision.where" defaultMessage="Where" />
            </dt>
            <dd>
              <Link to={`/groups/${segment(groupId)}/meetings/${segment(data.meetingId)}`}>
                <FormattedMessage id="decisions.decision.atMeeting" defaultMessage="At a meeting" />
              </Link>
            </dd>
          </>
        ) : null}
      </dl>

      <Section id="final-text-title" heading={SECTIONS.finalText}>
        <p className="proposal-text">{data.finalText}</p>
        <p>{data.summary}</p>
      </Section>

      {data.corrects ? (
        <Section id="corrects-title" heading={SECTIONS.corrects}>
          <p>
            <FormattedMessage
              id="decisions.decision.corrects"
              defaultMessage="This record corrects {link}."
              values={{
                link: linkTo(
                  corrects.data,
                  data.corrects,
                  intl.formatMessage({
                    id: 'decisions.decision.earlier',
                    defaultMessage: 'an earlier decision',
                  }),
                ),
              }}
            />
          </p>
          {data.correctionReason ? (
            <p>
              <FormattedMessage
                id="decisions.decision.why"
                defaultMessage="<b>Why:</b> {reason}"
                values={{
                  reason: data.correctionReason,
                  b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
                }}
              />
            </p>
          ) : null}
        </Section>
      ) : null}

      {data.consensus ? (
        <Section id="consensus-title" heading={SECTIONS.consensus}>
          <p>
            <FormattedMessage
              id="decisions.decision.consensusLine"
              defaultMessage="{outcome}. {count, plural, one {# person} other {# people}} answered."
              values={{
                outcome: intl.formatMessage(CONSENSUS_OUTCOMES[data.consensus.outcome]),
                count:
                  data.consensus.counts.agree +
                  data.consensus.counts.concerns +
                  data.consensus.counts.standAside +
                  data.consensus.counts.block,
              }}
            />
          </p>
          <AnswerCounts
            counts={data.consensus.counts}
            reasons={data.consensus.reasons}
            label={intl.formatMessage({
              id: 'decisions.decision.answersLabel',
              defaultMessage: 'Answers to the consensus check, without names',
            })}
          />
        </Section>
      ) : null}

      {data.tally ? (
        <Section id="tally-title" heading={SECTIONS.tally}>
          <TallyList
            tally={data.tally}
            label={intl.formatMessage({
              id: 'decisions.decision.countLabel',
              defaultMessage: 'Count of the formal vote',
            })}
          />
        </Section>
      ) : null}

      {data.opinions.length > 0 ? (
        <Section id="opinions-title" heading={SECTIONS.opinions}>
          <p>
            {even.length > 0 ? (
              <FormattedMessage
                id="decisions.opinions.even"
                defaultMessage="Every view the group held, without names. No view was held by more people than another, so none is called the majority."
              />
            ) : (
              <FormattedMessage
                id="decisions.opinions.lead"
                defaultMessage="Every view the group held, the majority and each minority, without names."
              />
            )}
          </p>
          <Opinions title={OPINION_TITLES.majority} opinions={majority} id="majority" />
          <Opinions title={OPINION_TITLES.even} opinions={even} id="even" />
          <Opinions
            title={minority.length === 1 ? OPINION_TITLES.minority : OPINION_TITLES.minorities}
            opinions={minority}
            id="minority"
          />
        </Section>
      ) : null}

      {isChair && !data.correctedBy ? <RecordCorrection decision={data} groupId={groupId} /> : null}
    </Page>
  );
}

const OPINION_TITLES = defineMessages({
  majority: { id: 'decisions.opinions.majority', defaultMessage: 'The majority view' },
  even: { id: 'decisions.opinions.evenTitle', defaultMessage: 'Views held evenly' },
  minority: { id: 'decisions.opinions.minority', defaultMessage: 'A minority view' },
  minorities: { id: 'decisions.opinions.minorities', defaultMessage: 'Minority views' },
});

function Opinions({
  title,
  opinions,
  id,
}: {
  title: MessageDescriptor;
  opinions: Opinion[];
  id: string;
}) {
  const intl = useIntl();
  if (opinions.length === 0) return null;
  return (
    <>
      <h3 id={`${id}-title`}>{intl.formatMessage(title)}</h3>
      <ul className="opinion-list" aria-labelledby={`${id}-title`}>
        {opinions.map((opinion) => (
          <li key={opinion.stance} className="opinion">
            <p className="opinion-stance">
              <FormattedMessage
                id="decisions.opinions.stance"
                defaultMessage="{stance}: {people}"
                values={{
                  stance: intl.formatMessage(STANCES[opinion.stance]),
                  people: people(intl, opinion.count),
                }}
              />
            </p>
            {opinion.reasons.length > 0 ? (
              <ul
                className="reason-list"
                aria-label={intl.formatMessage(
                  { id: 'decisions.opinions.reasons', defaultMessage: 'Reasons: {stance}' },
                  { stance: intl.formatMessage(STANCES[opinion.stance]) },
                )}
              >
                {opinion.reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">
                <FormattedMessage
                  id="decisions.opinions.noReasons"
                  defaultMessage="No reasons were given."
                />
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** For chairs: a correction is a new record, linked to this one; this one is kept as it was. */
function RecordCorrection({ decision, groupId }: { decision: Decision; groupId: string }) {
  const intl = useIntl();
  const form = useFormState();

  async function correct(values: FormValues) {
    const body = validate(correctDecisionBody, {
      finalText: values.finalText ?? '',
      reason: values.reason ?? '',
    });
    const made = await api.post<Decision>(decisionsApi(groupId, decision.id, '/corrections'), body);
    navigate(decisionsPage(groupId, made.id), {
      notice: intl.formatMessage(
        {
          id: 'decisions.correction.done',
          defaultMessage:
            'The correction is recorded. Decision {number} is kept as it was, linked to this one.',
        },
        { number: decision.number },
      ),
    });
  }

  return (
    <Section id="correction-title" heading={SECTIONS.correction}>
      <p>
        <FormattedMessage
          id="decisions.correction.lead"
          defaultMessage="If the record is wrong, record a correction. It becomes a new decision, linked both ways to this one, which stays in the register as it was."
        />
      </p>
      <Form
        id="correction"
        state={form}
        labels={{
          finalText: intl.formatMessage({
            id: 'decisions.correction.finalText',
            defaultMessage: 'The corrected text',
          }),
          reason: intl.formatMessage({
            id: 'decisions.correction.reason',
            defaultMessage: 'Why it is corrected',
          }),
        }}
        onSubmit={correct}
        labelledBy="correction-title"
      >
        <TextArea name="finalText" defaultValue={decision.finalText} />
        <TextArea
          name="reason"
          hint={intl.formatMessage({
            id: 'decisions.correction.reasonHint',
            defaultMessage: 'The group sees this, and it is kept in the record.',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage
            id="decisions.correction.submit"
            defaultMessage="Record the correction"
          />
        </SubmitButton>
      </Form>
    </Section>
  );
}
