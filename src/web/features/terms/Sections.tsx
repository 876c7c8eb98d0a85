import { useContext, useState } from 'react';
import { CadenceFields } from './cadence.tsx';
import {
  CheckboxInput,
  EditorContext,
  errorAt,
  getAt,
  ListInput,
  NumberInput,
  SelectInput,
  TextInput,
} from './editor.tsx';
import { fieldLabel, inputId, lowerFirst, rowLabel, type SectionKey } from './fields.ts';
import { Impact } from './Impact.tsx';
import { RoleChoice, Roles } from './Roles.tsx';
import { WorkingGroups } from './WorkingGroups.tsx';

type AreaList = 'inScope' | 'outOfScope';

function Areas({ list }: { list: AreaList }) {
  const path = `remit.${list}`;
  const second = list === 'inScope' ? 'description' : 'takeInstead';
  const where = list === 'inScope' ? 'in the remit' : 'outside the remit';
  return (
    <ListInput
      path={path}
      legend={list === 'inScope' ? 'Areas the group covers' : 'Areas the group does not cover'}
      addLabel={`Add an area ${where}`}
      removeLabel={(i) => `Remove area ${i + 1} ${where}`}
      blank={() => ({ key: '', title: '', [second]: '' })}
    >
      {(i) => (
        <>
          <TextInput path={`${path}.${i}.title`} />
          <TextInput path={`${path}.${i}.${second}`} multiline={list === 'inScope'} />
        </>
      )}
    </ListInput>
  );
}

function Clauses() {
  return (
    <ListInput
      path="behaviour.clauses"
      legend="The clauses, in order"
      addLabel="Add a clause"
      removeLabel={(i) => `Remove clause ${i + 1}`}
      blank={() => ''}
    >
      {(i) => <TextInput path={`behaviour.clauses.${i}`} multiline />}
    </ListInput>
  );
}

const QUORUM_KINDS = [
  ['none', 'No quorum: the group decides with whoever is there'],
  ['count', 'A number of people'],
  ['fraction', 'A fraction of the members'],
] as const;

/** Whether membership lapses with missed meetings, and when. */
function Lapse() {
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
        hint="Leave this unticked if members stay members however many meetings they miss."
      />
      {on ? (
        <div className="terms-reveal">
          <NumberInput
            path="membership.lapse.afterConsecutiveAbsences"
            hint="If they come back, they take part as a participant, and become a member again in the same way as anyone new."
          />
          <CheckboxInput
            path="membership.lapse.apologiesCountAsAbsence"
            hint="Sending apologies means letting the group know before a meeting that you cannot come. Untick this if a meeting someone sent apologies for does not count."
          />
        </div>
      ) : null}
    </>
  );
}

const MINIMUMS = 'decisions.quorum.categoryMinimums';

/** Categories of people a quorum must include, such as at least 2 carers. */
function CategoryMinimums() {
  return (
    <ListInput
      path={MINIMUMS}
      legend={fieldLabel(MINIMUMS)}
      hint="Such as at least 2 carers. Leave this empty if any mix of people makes the quorum. Accord does not yet record which category each person is in, so while any are listed here it cannot count a vote as quorate."
      addLabel="Add a category of people"
      removeLabel={(i) => `Remove ${lowerFirst(rowLabel(MINIMUMS, i))}`}
      blank={() => ({ category: '', min: 1 })}
    >
      {(i) => (
        <>
          <TextInput
            path={`${MINIMUMS}.${i}.category`}
            hint="A few words, such as carers. Accord saves them in small letters joined by underscores, such as people_who_use_services."
          />
          <NumberInput path={`${MINIMUMS}.${i}.min`} />
        </>
      )}
    </ListInput>
  );
}

function Quorum() {
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
      <SelectInput path="decisions.quorum.kind" options={QUORUM_KINDS} onPick={pick} />
      {quorum.kind === 'count' ? <NumberInput path="decisions.quorum.count" /> : null}
      {quorum.kind === 'fraction' ? (
        <>
          <NumberInput path="decisions.quorum.numerator" hint="For one third, 1." />
          <NumberInput path="decisions.quorum.denominator" hint="For one third, 3." />
        </>
      ) : null}
      {quorum.kind === 'count' || quorum.kind === 'fraction' ? <CategoryMinimums /> : null}
    </>
  );
}

function SurveyQuestions() {
  return (
    <ListInput
      path="surveys.questions"
      legend={fieldLabel('surveys.questions')}
      hint="Statements people say whether they agree with, without giving their name. The goals for how people will feel are measured by them."
      addLabel="Add a survey question"
      removeLabel={(i) => `Remove ${lowerFirst(rowLabel('surveys.questions', i))}`}
      blank={() => ({ key: '', text: '' })}
    >
      {(i) => (
        <TextInput
          path={`surveys.questions.${i}.text`}
          hint="Such as: I feel listened to in this group."
        />
      )}
    </ListInput>
  );
}

function Waves() {
  const { doc, change, errors } = useContext(EditorContext);
  const waves = getAt(doc, 'surveys.wavesMonths');
  const [text, setText] = useState(Array.isArray(waves) ? waves.join(', ') : String(waves ?? ''));
  const id = inputId('surveys.wavesMonths');
  const error = errorAt(errors, 'surveys.wavesMonths');
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <label htmlFor={id} className="label">
        Surveys, in months after the start
      </label>
      <p id={`${id}-hint`} className="hint">
        Numbers separated by commas, smallest first, such as 3, 6, 12.
      </p>
      {error ? (
        <p id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error: </span>
          {fieldLabel('surveys.wavesMonths')} {error}
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
  switch (section) {
    case 'purpose':
      return (
        <>
          <TextInput path="title" />
          <TextInput path="purpose" multiline hint="A sentence or two, in everyday words." />
          <TextInput path="startsOn" type="date" hint="Surveys are counted from this date." />
          <TextInput
            path="ending.endsOn"
            type="date"
            nullable
            hint="Leave empty if there is no set date. If the group ends when something happens, it ends then or on this date, whichever comes first."
          />
          <TextInput
            path="ending.endsWhen"
            nullable
            hint="Leave empty if the group carries on. Such as: when the project ends."
          />
        </>
      );
    case 'membership':
      return (
        <>
          <TextInput path="membership.whoMayJoin" multiline />
          <NumberInput
            path="membership.memberAfterMoreThan"
            hint="1 means someone becomes a member at their second meeting."
          />
          <SelectInput
            path="membership.meetingsThatCount"
            options={[
              ['own', "The group's own meetings"],
              ['own_and_working_groups', "The group's meetings and its working groups'"],
            ]}
          />
          <Lapse />
          <TextInput path="membership.note" nullable multiline />
        </>
      );
    case 'meetings':
      return (
        <>
          <CadenceFields path="cadence" question="How often does the group meet?" />
          <NumberInput path="papers.daysBefore" hint="So that everyone has time to read them." />
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
          legend="Ways of working, in order"
          addLabel="Add a way of working"
          removeLabel={(i) => `Remove way of working ${i + 1}`}
          blank={() => ({ title: '', text: '' })}
        >
          {(i) => (
            <>
              <TextInput path={`furtherClauses.${i}.title`} hint="A few words, such as Learning." />
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
            hint="Untick this if information may be shared outside the group unless the group asks for something to stay within it."
          />
          <CheckboxInput
            path="confidentiality.chairMayRecordAgreement"
            hint="Without this, sharing something outside the group needs a recorded decision, such as a proposal the group agreed. With it, a chair can instead name the meeting where the group agreed. This matters only when information stays within the group unless the group agrees."
          />
          <CheckboxInput
            path="confidentiality.chathamHouseRule"
            hint="This is the Chatham House Rule: people may repeat what was said outside the group, but not who said it, and notes of meetings record the discussion, not who said what. Untick this if notes may say who said what."
          />
        </>
      );
    case 'decisions':
      return (
        <>
          <CheckboxInput path="decisions.consensusFirst" />
          <RoleChoice
            path="decisions.formalTestCalledBy"
            hint="A formal vote tests whether the group really agrees. Tick at least one."
          />
          <SelectInput
            path="decisions.eligibility"
            options={[
              ['members', 'Members'],
              ['members_present', 'Members who are present'],
              ['members_and_participants', 'Members and participants'],
            ]}
          />
          <SelectInput
            path="decisions.threshold.proportion"
            options={[
              ['majority', 'A simple majority (more than half)'],
              ['two_thirds', 'At least two thirds'],
              ['three_quarters', 'At least three quarters'],
            ]}
          />
          <SelectInput
            path="decisions.threshold.of"
            options={[
              ['votes_cast', 'The votes cast'],
              ['present', 'The people present'],
              ['eligible', 'Everyone who may vote'],
            ]}
          />
          <CheckboxInput path="decisions.abstentionsCount" />
          <Quorum />
          <CheckboxInput path="decisions.remoteAttendance.countsAsPresent" />
          <CheckboxInput path="decisions.remoteAttendance.countsTowardsQuorum" />
          <SelectInput
            path="decisions.castingVote"
            options={[
              ['none', 'No casting vote: a tie is not carried'],
              ['chair', 'The chair has a casting vote'],
            ]}
          />
          <CheckboxInput path="decisions.ballot.secret" />
          <CheckboxInput path="decisions.ballot.mayChangeBeforeClose" />
          <CheckboxInput
            path="decisions.recordAllOpinions"
            hint="The group may hold different opinions, and any report that follows can say so."
          />
        </>
      );
    case 'roles':
      return <Roles />;
    case 'involvement':
      return (
        <>
          <CheckboxInput
            path="involvement.paymentsOffered"
            hint="Such as a payment for each meeting, or for time spent reading papers."
          />
          <CheckboxInput
            path="involvement.expensesPaid"
            hint="What it costs people to take part, such as travel, or care for someone while they are at a meeting."
          />
          <TextInput
            path="involvement.clause"
            multiline
            hint="In your own words: who is paid and at what rate, which expenses are paid back, and how to claim. It appears in the Terms of Reference as you write it."
          />
        </>
      );
    case 'informationRequests':
      return (
        <>
          <NumberInput
            path="informationRequests.minResponseDays"
            hint="Staff are busy: each request gives them at least this many days to answer."
          />
          <NumberInput
            path="informationRequests.maxOpenPerOrganisation"
            hint="Counting every request from the group to that organisation that is not answered yet."
          />
          <NumberInput
            path="informationRequests.maxOpenPerPerson"
            hint="Someone with this many waiting can send another once one is answered or withdrawn."
          />
        </>
      );
    case 'review':
      return (
        <>
          <NumberInput path="review.periodMonths" hint="12 means once a year." />
          <NumberInput path="review.noticeDays" />
          <Waves />
          <SurveyQuestions />
          <NumberInput
            path="surveys.minResponsesToShow"
            hint="So that no one can be identified from the results."
          />
        </>
      );
    case 'impact':
      return <Impact />;
  }
}
