import { useContext, useState } from 'react';
import { defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { CadenceFields } from './cadence.tsx';
import { EditorContext, ErrorPrefix, errorAt, getAt } from './editor.tsx';
import { CheckboxInput, NumberInput, SelectInput, TextInput } from './inputs.tsx';
import { ListInput } from './ListInput.tsx';
import { fieldLabel, inputId, lowerFirst, rowLabel, type SectionKey } from './fields.ts';
import { Impact } from './Impact.tsx';
import { RoleChoice, Roles } from './Roles.tsx';
import { WorkingGroups } from './WorkingGroups.tsx';

const MESSAGES = defineMessages({
  inScopeLegend: { id: 'terms.remit.inScopeLegend', defaultMessage: 'Areas the group covers' },
  outOfScopeLegend: {
    id: 'terms.remit.outOfScopeLegend',
    defaultMessage: 'Areas the group does not cover',
  },
  addInScope: { id: 'terms.remit.addInScope', defaultMessage: 'Add an area in the remit' },
  addOutOfScope: {
    id: 'terms.remit.addOutOfScope',
    defaultMessage: 'Add an area outside the remit',
  },
  removeInScope: {
    id: 'terms.remit.removeInScope',
    defaultMessage: 'Remove area {n} in the remit',
  },
  removeOutOfScope: {
    id: 'terms.remit.removeOutOfScope',
    defaultMessage: 'Remove area {n} outside the remit',
  },
  clausesLegend: { id: 'terms.behaviour.clausesLegend', defaultMessage: 'The clauses, in order' },
  addClause: { id: 'terms.behaviour.addClause', defaultMessage: 'Add a clause' },
  removeClause: { id: 'terms.behaviour.removeClause', defaultMessage: 'Remove clause {n}' },
  quorumNone: {
    id: 'terms.quorum.none',
    defaultMessage: 'No quorum: the group decides with whoever is there',
  },
  quorumCount: { id: 'terms.quorum.count', defaultMessage: 'A number of people' },
  quorumFraction: { id: 'terms.quorum.fraction', defaultMessage: 'A fraction of the members' },
  lapseHint: {
    id: 'terms.membership.lapseHint',
    defaultMessage: 'Leave this unticked if members stay members however many meetings they miss.',
  },
  lapseAfterHint: {
    id: 'terms.membership.lapseAfterHint',
    defaultMessage:
      'If they come back, they take part as a participant, and become a member again in the same way as anyone new.',
  },
  apologiesHint: {
    id: 'terms.membership.apologiesHint',
    defaultMessage:
      'Sending apologies means letting the group know before a meeting that you cannot come. Untick this if a meeting someone sent apologies for does not count.',
  },
  minimumsHint: {
    id: 'terms.quorum.minimumsHint',
    defaultMessage:
      'Such as at least 2 carers. Leave this empty if any mix of people makes the quorum. Accord does not yet record which category each person is in, so while any are listed here it cannot count a vote as quorate.',
  },
  addMinimum: { id: 'terms.quorum.addMinimum', defaultMessage: 'Add a category of people' },
  remove: { id: 'terms.editor.removeRow', defaultMessage: 'Remove {row}' },
  categoryHint: {
    id: 'terms.quorum.categoryHint',
    defaultMessage:
      'A few words, such as carers. Accord saves them in small letters joined by underscores, such as people_who_use_services.',
  },
  numeratorHint: { id: 'terms.quorum.numeratorHint', defaultMessage: 'For one third, 1.' },
  denominatorHint: { id: 'terms.quorum.denominatorHint', defaultMessage: 'For one third, 3.' },
  questionsHint: {
    id: 'terms.surveys.questionsHint',
    defaultMessage:
      'Statements people say whether they agree with, without giving their name. The goals for how people will feel are measured by them.',
  },
  addQuestion: { id: 'terms.surveys.addQuestion', defaultMessage: 'Add a survey question' },
  questionHint: {
    id: 'terms.surveys.questionHint',
    defaultMessage: 'Such as: I feel listened to in this group.',
  },
  wavesHint: {
    id: 'terms.surveys.wavesHint',
    defaultMessage: 'Numbers separated by commas, smallest first, such as 3, 6, 12.',
  },
  purposeHint: {
    id: 'terms.purpose.purposeHint',
    defaultMessage: 'A sentence or two, in everyday words.',
  },
  startsOnHint: {
    id: 'terms.purpose.startsOnHint',
    defaultMessage: 'Surveys are counted from this date.',
  },
  endsOnHint: {
    id: 'terms.purpose.endsOnHint',
    defaultMessage:
      'Leave empty if there is no set date. If the group ends when something happens, it ends then or on this date, whichever comes first.',
  },
  endsWhenHint: {
    id: 'terms.purpose.endsWhenHint',
    defaultMessage: 'Leave empty if the group carries on. Such as: when the project ends.',
  },
  memberAfterHint: {
    id: 'terms.membership.memberAfterHint',
    defaultMessage: '1 means someone becomes a member at their second meeting.',
  },
  meetingsOwn: { id: 'terms.membership.meetingsOwn', defaultMessage: "The group's own meetings" },
  meetingsWithWorkingGroups: {
    id: 'terms.membership.meetingsWithWorkingGroups',
    defaultMessage: "The group's meetings and its working groups'",
  },
  howOften: { id: 'terms.meetings.howOften', defaultMessage: 'How often does the group meet?' },
  papersHint: {
    id: 'terms.meetings.papersHint',
    defaultMessage: 'So that everyone has time to read them.',
  },
  waysLegend: { id: 'terms.ways.legend', defaultMessage: 'Ways of working, in order' },
  addWay: { id: 'terms.ways.add', defaultMessage: 'Add a way of working' },
  removeWay: { id: 'terms.ways.remove', defaultMessage: 'Remove way of working {n}' },
  wayTitleHint: { id: 'terms.ways.titleHint', defaultMessage: 'A few words, such as Learning.' },
  releaseHint: {
    id: 'terms.confidentiality.releaseHint',
    defaultMessage:
      'Untick this if information may be shared outside the group unless the group asks for something to stay within it.',
  },
  chairRecordsHint: {
    id: 'terms.confidentiality.chairRecordsHint',
    defaultMessage:
      'Without this, sharing something outside the group needs a recorded decision, such as a proposal the group agreed. With it, a chair can instead name the meeting where the group agreed. This matters only when information stays within the group unless the group agrees.',
  },
  chathamHint: {
    id: 'terms.confidentiality.chathamHint',
    defaultMessage:
      'This is the Chatham House Rule: people may repeat what was said outside the group, but not who said it, and notes of meetings record the discussion, not who said what. Untick this if notes may say who said what.',
  },
  formalTestHint: {
    id: 'terms.decisions.formalTestHint',
    defaultMessage: 'A formal vote tests whether the group really agrees. Tick at least one.',
  },
  eligibleMembers: { id: 'terms.decisions.eligibleMembers', defaultMessage: 'Members' },
  eligibleMembersPresent: {
    id: 'terms.decisions.eligibleMembersPresent',
    defaultMessage: 'Members who are present',
  },
  eligibleEveryone: {
    id: 'terms.decisions.eligibleEveryone',
    defaultMessage: 'Members and participants',
  },
  majority: {
    id: 'terms.decisions.majority',
    defaultMessage: 'A simple majority (more than half)',
  },
  twoThirds: { id: 'terms.decisions.twoThirds', defaultMessage: 'At least two thirds' },
  threeQuarters: { id: 'terms.decisions.threeQuarters', defaultMessage: 'At least three quarters' },
  ofVotesCast: { id: 'terms.decisions.ofVotesCast', defaultMessage: 'The votes cast' },
  ofPresent: { id: 'terms.decisions.ofPresent', defaultMessage: 'The people present' },
  ofEligible: { id: 'terms.decisions.ofEligible', defaultMessage: 'Everyone who may vote' },
  castingNone: {
    id: 'terms.decisions.castingNone',
    defaultMessage: 'No casting vote: a tie is not carried',
  },
  castingChair: {
    id: 'terms.decisions.castingChair',
    defaultMessage: 'The chair has a casting vote',
  },
  opinionsHint: {
    id: 'terms.decisions.opinionsHint',
    defaultMessage:
      'The group may hold different opinions, and any report that follows can say so.',
  },
  paymentsHint: {
    id: 'terms.involvement.paymentsHint',
    defaultMessage: 'Such as a payment for each meeting, or for time spent reading papers.',
  },
  expensesHint: {
    id: 'terms.involvement.expensesHint',
    defaultMessage:
      'What it costs people to take part, such as travel, or care for someone while they are at a meeting.',
  },
  clauseHint: {
    id: 'terms.involvement.clauseHint',
    defaultMessage:
      'In your own words: who is paid and at what rate, which expenses are paid back, and how to claim. It appears in the Terms of Reference as you write it.',
  },
  minResponseHint: {
    id: 'terms.requests.minResponseHint',
    defaultMessage: 'Staff are busy: each request gives them at least this many days to answer.',
  },
  perOrganisationHint: {
    id: 'terms.requests.perOrganisationHint',
    defaultMessage:
      'Counting every request from the group to that organisation that is not answered yet.',
  },
  perPersonHint: {
    id: 'terms.requests.perPersonHint',
    defaultMessage:
      'Someone with this many waiting can send another once one is answered or withdrawn.',
  },
  periodHint: { id: 'terms.review.periodHint', defaultMessage: '12 means once a year.' },
  minResponsesHint: {
    id: 'terms.surveys.minResponsesHint',
    defaultMessage: 'So that no one can be identified from the results.',
  },
});

/** Plain descriptors: the catalogue check, not the type, holds each message's arguments. */
const M: Record<keyof typeof MESSAGES, MessageDescriptor> = MESSAGES;

type AreaList = 'inScope' | 'outOfScope';

function Areas({ list }: { list: AreaList }) {
  const intl = useIntl();
  const path = `remit.${list}`;
  const second = list === 'inScope' ? 'description' : 'takeInstead';
  const inScope = list === 'inScope';
  return (
    <ListInput
      path={path}
      legend={intl.formatMessage(inScope ? M.inScopeLegend : M.outOfScopeLegend)}
      addLabel={intl.formatMessage(inScope ? M.addInScope : M.addOutOfScope)}
      removeLabel={(i) =>
        intl.formatMessage(inScope ? M.removeInScope : M.removeOutOfScope, { n: i + 1 })
      }
      blank={() => ({ key: '', title: '', [second]: '' })}
    >
      {(i) => (
        <>
          <TextInput path={`${path}.${i}.title`} />
          <TextInput path={`${path}.${i}.${second}`} multiline={inScope} />
        </>
      )}
    </ListInput>
  );
}

function Clauses() {
  const intl = useIntl();
  return (
    <ListInput
      path="behaviour.clauses"
      legend={intl.formatMessage(M.clausesLegend)}
      addLabel={intl.formatMessage(M.addClause)}
      removeLabel={(i) => intl.formatMessage(M.removeClause, { n: i + 1 })}
      blank={() => ''}
    >
      {(i) => <TextInput path={`behaviour.clauses.${i}`} multiline />}
    </ListInput>
  );
}

/** Whether membership lapses with missed meetings, and when. */
function Lapse() {
  const intl = useIntl();
  const { doc, change } = useContext(EditorContext);
  const lapse = getAt(doc, 'membership.lapse');
  const on = typeof lapse === 'object' && lapse !== null;
  return (
    <>
      <CheckboxInput
        path="membership.lapse"
        checked={on}
        onToggle={(yes) =>
          change(
            'membership.lapse',
            yes ? { afterConsecutiveAbsences: 3, apologiesCountAsAbsence: false } : null,
          )
        }
        hint={intl.formatMessage(M.lapseHint)}
      />
      {on ? (
        <div className="terms-reveal">
          <NumberInput
            path="membership.lapse.afterConsecutiveAbsences"
            hint={intl.formatMessage(M.lapseAfterHint)}
          />
          <CheckboxInput
            path="membership.lapse.apologiesCountAsAbsence"
            hint={intl.formatMessage(M.apologiesHint)}
          />
        </div>
      ) : null}
    </>
  );
}

const MINIMUMS = 'decisions.quorum.categoryMinimums';

/** Categories of people a quorum must include, such as at least 2 carers. */
function CategoryMinimums() {
  const intl = useIntl();
  return (
    <ListInput
      path={MINIMUMS}
      legend={fieldLabel(MINIMUMS, intl)}
      hint={intl.formatMessage(M.minimumsHint)}
      addLabel={intl.formatMessage(M.addMinimum)}
      removeLabel={(i) =>
        intl.formatMessage(M.remove, { row: lowerFirst(rowLabel(MINIMUMS, i, intl)) })
      }
      blank={() => ({ category: '', min: 1 })}
    >
      {(i) => (
        <>
          <TextInput path={`${MINIMUMS}.${i}.category`} hint={intl.formatMessage(M.categoryHint)} />
          <NumberInput path={`${MINIMUMS}.${i}.min`} />
        </>
      )}
    </ListInput>
  );
}

function Quorum() {
  const intl = useIntl();
  const { doc, change } = useContext(EditorContext);
  const quorum = (getAt(doc, 'decisions.quorum') ?? { kind: 'none' }) as Record<string, unknown>;
  const minimums = quorum.categoryMinimums ?? [];
  function pick(kind: string) {
    if (kind === 'count')
      change('decisions.quorum', { kind, count: 3, categoryMinimums: minimums });
    else if (kind === 'fraction')
      change('decisions.quorum', {
        kind,
        numerator: 1,
        denominator: 3,
        categoryMinimums: minimums,
      });
    else change('decisions.quorum', { kind: 'none' });
  }
  return (
    <>
      <SelectInput
        path="decisions.quorum.kind"
        options={[
          ['none', intl.formatMessage(M.quorumNone)],
          ['count', intl.formatMessage(M.quorumCount)],
          ['fraction', intl.formatMessage(M.quorumFraction)],
        ]}
        onPick={pick}
      />
      {quorum.kind === 'count' ? <NumberInput path="decisions.quorum.count" /> : null}
      {quorum.kind === 'fraction' ? (
        <>
          <NumberInput
            path="decisions.quorum.numerator"
            hint={intl.formatMessage(M.numeratorHint)}
          />
          <NumberInput
            path="decisions.quorum.denominator"
            hint={intl.formatMessage(M.denominatorHint)}
          />
        </>
      ) : null}
      {quorum.kind === 'count' || quorum.kind === 'fraction' ? <CategoryMinimums /> : null}
    </>
  );
}

function SurveyQuestions() {
  const intl = useIntl();
  return (
    <ListInput
      path="surveys.questions"
      legend={fieldLabel('surveys.questions', intl)}
      hint={intl.formatMessage(M.questionsHint)}
      addLabel={intl.formatMessage(M.addQuestion)}
      removeLabel={(i) =>
        intl.formatMessage(M.remove, {
          row: lowerFirst(rowLabel('surveys.questions', i, intl)),
        })
      }
      blank={() => ({ key: '', text: '' })}
    >
      {(i) => (
        <TextInput path={`surveys.questions.${i}.text`} hint={intl.formatMessage(M.questionHint)} />
      )}
    </ListInput>
  );
}

function Waves() {
  const intl = useIntl();
  const { doc, change, errors } = useContext(EditorContext);
  const waves = getAt(doc, 'surveys.wavesMonths');
  const [text, setText] = useState(Array.isArray(waves) ? waves.join(', ') : String(waves ?? ''));
  const id = inputId('surveys.wavesMonths');
  const error = errorAt(errors, 'surveys.wavesMonths');
  const label = fieldLabel('surveys.wavesMonths', intl);
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <p id={`${id}-hint`} className="hint">
        {intl.formatMessage(M.wavesHint)}
      </p>
      {error ? (
        <p id={`${id}-error`} className="error-message">
          <ErrorPrefix />
          {label} {error}
        </p>
      ) : null}
      <input
        id={id}
        className="input"
        autoComplete="off"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(e) => {
          setText(e.target.value);
          const parts = e.target.value
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean);
          change(
            'surveys.wavesMonths',
            parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          );
        }}
      />
    </div>
  );
}

/** The fields of one section of the draft. */
export function SectionFields({ section }: { section: SectionKey }) {
  const intl = useIntl();
  const say = (message: (typeof M)[keyof typeof M]) => intl.formatMessage(message);
  switch (section) {
    case 'purpose':
      return (
        <>
          <TextInput path="title" />
          <TextInput path="purpose" multiline hint={say(M.purposeHint)} />
          <TextInput path="startsOn" type="date" hint={say(M.startsOnHint)} />
          <TextInput path="ending.endsOn" type="date" nullable hint={say(M.endsOnHint)} />
          <TextInput path="ending.endsWhen" nullable hint={say(M.endsWhenHint)} />
        </>
      );
    case 'membership':
      return (
        <>
          <TextInput path="membership.whoMayJoin" multiline />
          <NumberInput path="membership.memberAfterMoreThan" hint={say(M.memberAfterHint)} />
          <SelectInput
            path="membership.meetingsThatCount"
            options={[
              ['own', say(M.meetingsOwn)],
              ['own_and_working_groups', say(M.meetingsWithWorkingGroups)],
            ]}
          />
          <Lapse />
          <TextInput path="membership.note" nullable multiline />
        </>
      );
    case 'meetings':
      return (
        <>
          <CadenceFields path="cadence" question={say(M.howOften)} />
          <NumberInput path="papers.daysBefore" hint={say(M.papersHint)} />
        </>
      );
    case 'remit':
      return (
        <>
          <Areas list="inScope" />
          <Areas list="outOfScope" />
          <TextInput path="remit.note" nullable multiline />
        </>
      );
    case 'workingGroups':
      return <WorkingGroups />;
    case 'behaviour':
      return (
        <>
          <TextInput path="behaviour.intro" nullable multiline />
          <Clauses />
        </>
      );
    case 'furtherClauses':
      return (
        <ListInput
          path="furtherClauses"
          legend={say(M.waysLegend)}
          addLabel={say(M.addWay)}
          removeLabel={(i) => intl.formatMessage(M.removeWay, { n: i + 1 })}
          blank={() => ({ title: '', text: '' })}
        >
          {(i) => (
            <>
              <TextInput path={`furtherClauses.${i}.title`} hint={say(M.wayTitleHint)} />
              <TextInput path={`furtherClauses.${i}.text`} multiline />
            </>
          )}
        </ListInput>
      );
    case 'confidentiality':
      return (
        <>
          <CheckboxInput
            path="confidentiality.releaseOnlyByGroupDecision"
            hint={say(M.releaseHint)}
          />
          <CheckboxInput
            path="confidentiality.chairMayRecordAgreement"
            hint={say(M.chairRecordsHint)}
          />
          <CheckboxInput path="confidentiality.chathamHouseRule" hint={say(M.chathamHint)} />
        </>
      );
    case 'decisions':
      return (
        <>
          <CheckboxInput path="decisions.consensusFirst" />
          <RoleChoice path="decisions.formalTestCalledBy" hint={say(M.formalTestHint)} />
          <SelectInput
            path="decisions.eligibility"
            options={[
              ['members', say(M.eligibleMembers)],
              ['members_present', say(M.eligibleMembersPresent)],
              ['members_and_participants', say(M.eligibleEveryone)],
            ]}
          />
          <SelectInput
            path="decisions.threshold.proportion"
            options={[
              ['majority', say(M.majority)],
              ['two_thirds', say(M.twoThirds)],
              ['three_quarters', say(M.threeQuarters)],
            ]}
          />
          <SelectInput
            path="decisions.threshold.of"
            options={[
              ['votes_cast', say(M.ofVotesCast)],
              ['present', say(M.ofPresent)],
              ['eligible', say(M.ofEligible)],
            ]}
          />
          <CheckboxInput path="decisions.abstentionsCount" />
          <Quorum />
          <CheckboxInput path="decisions.remoteAttendance.countsAsPresent" />
          <CheckboxInput path="decisions.remoteAttendance.countsTowardsQuorum" />
          <SelectInput
            path="decisions.castingVote"
            options={[
              ['none', say(M.castingNone)],
              ['chair', say(M.castingChair)],
            ]}
          />
          <CheckboxInput path="decisions.ballot.secret" />
          <CheckboxInput path="decisions.ballot.mayChangeBeforeClose" />
          <CheckboxInput path="decisions.recordAllOpinions" hint={say(M.opinionsHint)} />
        </>
      );
    case 'roles':
      return <Roles />;
    case 'involvement':
      return (
        <>
          <CheckboxInput path="involvement.paymentsOffered" hint={say(M.paymentsHint)} />
          <CheckboxInput path="involvement.expensesPaid" hint={say(M.expensesHint)} />
          <TextInput path="involvement.clause" multiline hint={say(M.clauseHint)} />
        </>
      );
    case 'informationRequests':
      return (
        <>
          <NumberInput path="informationRequests.minResponseDays" hint={say(M.minResponseHint)} />
          <NumberInput
            path="informationRequests.maxOpenPerOrganisation"
            hint={say(M.perOrganisationHint)}
          />
          <NumberInput path="informationRequests.maxOpenPerPerson" hint={say(M.perPersonHint)} />
        </>
      );
    case 'review':
      return (
        <>
          <NumberInput path="review.periodMonths" hint={say(M.periodHint)} />
          <NumberInput path="review.noticeDays" />
          <Waves />
          <SurveyQuestions />
          <NumberInput path="surveys.minResponsesToShow" hint={say(M.minResponsesHint)} />
        </>
      );
    case 'impact':
      return <Impact />;
  }
}
