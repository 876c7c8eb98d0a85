import { useContext, useState } from 'react';
import { WEEKDAYS } from '../../../policy/terms.ts';
import { inputId, type SectionKey } from './fields.ts';
import {
  CheckboxInput,
  EditorContext,
  getAt,
  NumberInput,
  SelectInput,
  TextInput,
} from './editor.tsx';
import { FREQUENCIES, NTH_LABELS, WEEKDAY_LABELS } from './TemplateForm.tsx';

const WEEKDAY_OPTIONS = WEEKDAYS.map((d) => [d, WEEKDAY_LABELS[d]] as const);

type Cadence = Record<string, unknown> & { on?: Record<string, unknown> };

function frequencyOf(cadence: Cadence): string {
  const { unit, every } = cadence;
  if (unit === 'week' && every === 1) return 'weekly';
  if (unit === 'week' && every === 6) return 'every_6_weeks';
  if (unit === 'month' && every === 1) return 'monthly';
  if (unit === 'month' && every === 2) return 'every_2_months';
  return 'other';
}

/** The cadence after choosing a frequency: the day, time and place stay as they were. */
function withFrequency(cadence: Cadence, frequency: string): Cadence {
  const { from, startTime, durationMinutes, timeZone } = cadence;
  const time = { from, startTime, durationMinutes, timeZone };
  const weekday = cadence.weekday ?? cadence.on?.weekday ?? 'tuesday';
  const nth = cadence.on?.nth ?? 2;
  switch (frequency) {
    case 'weekly':
      return { unit: 'week', every: 1, weekday, ...time };
    case 'every_6_weeks':
      return { unit: 'week', every: 6, weekday, ...time };
    case 'every_2_months':
      return { unit: 'month', every: 2, on: { kind: 'nth_weekday', nth, weekday }, ...time };
    default:
      return { unit: 'month', every: 1, on: { kind: 'nth_weekday', nth, weekday }, ...time };
  }
}

function Frequency() {
  const { doc, change, errors } = useContext(EditorContext);
  const cadence = (doc.cadence ?? {}) as Cadence;
  const current = frequencyOf(cadence);
  const error = errors['cadence.every'] ?? errors['cadence.unit'] ?? errors.cadence;
  const id = inputId('cadence.every');
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="label">How often does the group meet?</legend>
        {error ? (
          <p id={`${id}-error`} className="error-message">
            <span className="visually-hidden">Error: </span>How often the group meets {error}
          </p>
        ) : null}
        {FREQUENCIES.map(([value, label], i) => {
          const optionId = i === 0 ? id : `${id}-${value}`;
          return (
            <div className="radio" key={value}>
              <input
                type="radio"
                id={optionId}
                name="draft-frequency"
                checked={current === value}
                onChange={() => change('cadence', withFrequency(cadence, value))}
              />
              <label htmlFor={optionId}>{label}</label>
            </div>
          );
        })}
        {current === 'other' ? (
          <p className="hint">
            Now: every {String(cadence.every)} {cadence.unit === 'week' ? 'weeks' : 'months'}.
            Choosing one of these replaces it.
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}

function Meetings() {
  const { doc, change } = useContext(EditorContext);
  const cadence = (doc.cadence ?? {}) as Cadence;
  const monthly = cadence.unit === 'month';
  const byDay = monthly && cadence.on?.kind === 'day_of_month';
  return (
    <>
      <Frequency />
      {monthly && byDay ? (
        <NumberInput path="cadence.on.day" hint="From 1 to 31. In shorter months, the last day." />
      ) : null}
      {monthly && !byDay ? (
        <SelectInput
          path="cadence.on.nth"
          options={NTH_LABELS}
          // 1 to 5 are numbers in the document; only "last" is a word.
          onPick={(value) => change('cadence.on.nth', value === 'last' ? 'last' : Number(value))}
        />
      ) : null}
      {!byDay ? (
        <SelectInput
          path={monthly ? 'cadence.on.weekday' : 'cadence.weekday'}
          options={WEEKDAY_OPTIONS}
        />
      ) : null}
      <TextInput path="cadence.startTime" hint="On the 24-hour clock, such as 18:00." />
      <NumberInput path="cadence.durationMinutes" hint="Two hours is 120 minutes." />
      <TextInput
        path="cadence.timeZone"
        hint="Meetings keep their local time when the clocks change. Such as Europe/London."
      />
      <TextInput
        path="cadence.from"
        type="date"
        hint="Meetings start on the first matching day on or after this date."
      />
      <NumberInput path="papers.daysBefore" hint="So that everyone has time to read them." />
    </>
  );
}

type AreaList = 'inScope' | 'outOfScope';

function Areas({ list }: { list: AreaList }) {
  const { doc, change } = useContext(EditorContext);
  const path = `remit.${list}`;
  const rows = (getAt(doc, path) ?? []) as Record<string, unknown>[];
  const second = list === 'inScope' ? 'description' : 'takeInstead';
  const where = list === 'inScope' ? 'in the remit' : 'outside the remit';
  return (
    <fieldset className="fieldset">
      <legend className="label">
        {list === 'inScope' ? 'Areas the group covers' : 'Areas the group does not cover'}
      </legend>
      {rows.map((_, i) => (
        <div className="terms-row" key={i}>
          <TextInput path={`${path}.${i}.title`} />
          <TextInput path={`${path}.${i}.${second}`} multiline={list === 'inScope'} />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              change(
                path,
                rows.filter((__, j) => j !== i),
              )
            }
          >
            Remove area {i + 1} {where}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => change(path, [...rows, { key: '', title: '', [second]: '' }])}
      >
        Add an area {where}
      </button>
    </fieldset>
  );
}

function Clauses() {
  const { doc, change } = useContext(EditorContext);
  const clauses = (getAt(doc, 'behaviour.clauses') ?? []) as string[];
  return (
    <fieldset className="fieldset">
      <legend className="label">The clauses, in order</legend>
      {clauses.map((_, i) => (
        <div className="terms-row" key={i}>
          <TextInput path={`behaviour.clauses.${i}`} multiline />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              change(
                'behaviour.clauses',
                clauses.filter((__, j) => j !== i),
              )
            }
          >
            Remove clause {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => change('behaviour.clauses', [...clauses, ''])}
      >
        Add a clause
      </button>
    </fieldset>
  );
}

const QUORUM_KINDS = [
  ['none', 'No quorum: the group decides with whoever is there'],
  ['count', 'A number of people'],
  ['fraction', 'A fraction of the members'],
] as const;

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
    </>
  );
}

function Waves() {
  const { doc, change, errors } = useContext(EditorContext);
  const waves = getAt(doc, 'surveys.wavesMonths');
  const [text, setText] = useState(Array.isArray(waves) ? waves.join(', ') : String(waves ?? ''));
  const id = inputId('surveys.wavesMonths');
  const error =
    errors['surveys.wavesMonths'] ??
    Object.entries(errors).find(([k]) => k.startsWith('surveys.wavesMonths.'))?.[1];
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
          <span className="visually-hidden">Error: </span>Surveys {error}
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
          <TextInput path="membership.note" nullable multiline />
        </>
      );
    case 'meetings':
      return <Meetings />;
    case 'remit':
      return (
        <>
          <Areas list="inScope" />
          <Areas list="outOfScope" />
          <TextInput path="remit.note" nullable multiline />
        </>
      );
    case 'behaviour':
      return (
        <>
          <TextInput path="behaviour.intro" nullable multiline />
          <Clauses />
        </>
      );
    case 'decisions':
      return (
        <>
          <CheckboxInput path="decisions.consensusFirst" />
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
        </>
      );
    case 'review':
      return (
        <>
          <NumberInput path="review.periodMonths" hint="12 means once a year." />
          <NumberInput path="review.noticeDays" />
          <Waves />
          <NumberInput
            path="surveys.minResponsesToShow"
            hint="So that no one can be identified from the results."
          />
        </>
      );
  }
}
