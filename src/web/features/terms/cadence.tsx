import { useContext } from 'react';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { WEEKDAYS } from '../../../policy/terms.ts';
import { FREQUENCIES, NTH_LABELS, WEEKDAY_LABELS } from './choices.ts';
import { EditorContext, ErrorPrefix, errorAt, getAt } from './editor.tsx';
import { NumberInput, SelectInput, TextInput } from './inputs.tsx';
import { fieldLabel, inputId } from './fields.ts';

const MESSAGES = defineMessages({
  dayHint: {
    id: 'terms.cadence.dayHint',
    defaultMessage: 'From 1 to 31. In shorter months, the last day.',
  },
  startTimeHint: {
    id: 'terms.cadence.startTimeHint',
    defaultMessage: 'On the 24-hour clock, such as 18:00.',
  },
  durationHint: { id: 'terms.cadence.durationHint', defaultMessage: 'Two hours is 120 minutes.' },
  timeZoneHint: {
    id: 'terms.cadence.timeZoneHint',
    defaultMessage: 'Meetings keep their local time when the clocks change. Such as Europe/London.',
  },
  fromHint: {
    id: 'terms.cadence.fromHint',
    defaultMessage: 'Meetings start on the first matching day on or after this date.',
  },
});

/** Plain descriptors: the catalogue check, not the type, holds each message's arguments. */
const M: Record<keyof typeof MESSAGES, MessageDescriptor> = MESSAGES;

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

function Frequency({ path, question }: { path: string; question: string }) {
  const intl = useIntl();
  const { doc, change, errors } = useContext(EditorContext);
  const cadence = (getAt(doc, path) ?? {}) as Cadence;
  const current = frequencyOf(cadence);
  const every = `${path}.every`;
  // The unit, the kind of monthly day and the cadence as a whole are all chosen here.
  const error = errorAt(errors, every);
  const id = inputId(every);
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="label">{question}</legend>
        {error ? (
          <p id={`${id}-error`} className="error-message">
            <ErrorPrefix />
            {fieldLabel(every, intl)} {error}
          </p>
        ) : null}
        {FREQUENCIES.map(([value, label], i) => {
          const optionId = i === 0 ? id : `${id}-${value}`;
          return (
            <div className="radio" key={value}>
              <input
                type="radio"
                id={optionId}
                name={`${id}-frequency`}
                checked={current === value}
                onChange={() => change(path, withFrequency(cadence, value))}
              />
              <label htmlFor={optionId}>{intl.formatMessage(label)}</label>
            </div>
          );
        })}
        {current === 'other' ? (
          <p className="hint">
            {cadence.unit === 'week' ? (
              <FormattedMessage
                id="terms.cadence.otherWeeks"
                defaultMessage="Now: every {every} weeks. Choosing one of these replaces it."
                values={{ every: String(cadence.every) }}
              />
            ) : (
              <FormattedMessage
                id="terms.cadence.otherMonths"
                defaultMessage="Now: every {every} months. Choosing one of these replaces it."
                values={{ every: String(cadence.every) }}
              />
            )}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}

/**
 * The fields of a cadence at `path`: the group's own meetings ("cadence"), or
 * a working group's ("workingGroups.0.cadence"), which has the same shape.
 */
export function CadenceFields({ path, question }: { path: string; question: string }) {
  const intl = useIntl();
  const { doc, change } = useContext(EditorContext);
  const weekdays = WEEKDAYS.map((d) => [d, intl.formatMessage(WEEKDAY_LABELS[d])] as const);
  const nths = NTH_LABELS.map(([value, label]) => [value, intl.formatMessage(label)] as const);
  const cadence = (getAt(doc, path) ?? {}) as Cadence;
  const monthly = cadence.unit === 'month';
  const byDay = monthly && cadence.on?.kind === 'day_of_month';
  return (
    <>
      <Frequency path={path} question={question} />
      {monthly && byDay ? (
        <NumberInput path={`${path}.on.day`} hint={intl.formatMessage(M.dayHint)} />
      ) : null}
      {monthly && !byDay ? (
        <SelectInput
          path={`${path}.on.nth`}
          options={nths}
          // 1 to 5 are numbers in the document; only "last" is a word.
          onPick={(value) => change(`${path}.on.nth`, value === 'last' ? 'last' : Number(value))}
        />
      ) : null}
      {!byDay ? (
        <SelectInput path={monthly ? `${path}.on.weekday` : `${path}.weekday`} options={weekdays} />
      ) : null}
      <TextInput path={`${path}.startTime`} hint={intl.formatMessage(M.startTimeHint)} />
      <NumberInput path={`${path}.durationMinutes`} hint={intl.formatMessage(M.durationHint)} />
      <TextInput path={`${path}.timeZone`} hint={intl.formatMessage(M.timeZoneHint)} />
      <TextInput path={`${path}.from`} type="date" hint={intl.formatMessage(M.fromHint)} />
    </>
  );
}
