import { useState, type ReactNode } from 'react';
import { templateChoices } from '../../../contracts/terms.ts';
import { WEEKDAYS } from '../../../policy/terms.ts';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { navigate } from '../../lib/router.ts';
import { keyFrom } from './keys.ts';
import { termsApi, termsPage, type TermsVersion } from './types.ts';

export const FREQUENCIES = [
  ['weekly', 'Every week'],
  ['every_6_weeks', 'Every 6 weeks'],
  ['monthly', 'Every month'],
  ['every_2_months', 'Every 2 months'],
] as const;

export const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export const NTH_LABELS = [
  ['1', '1st'],
  ['2', '2nd'],
  ['3', '3rd'],
  ['4', '4th'],
  ['5', '5th (in months that have one)'],
  ['last', 'Last'],
] as const;

const ROWS = [0, 1, 2];

const LABELS: Record<string, string> = {
  frequency: 'How often does the group meet?',
  weekday: 'Which day of the week?',
  nth: 'Which week of the month?',
  startTime: 'What time do meetings start?',
  ...Object.fromEntries(
    ROWS.flatMap((i) => [
      [`inScope.${i}.title`, `Name of area ${i + 1} in the remit`],
      [`inScope.${i}.description`, `What area ${i + 1} covers`],
      [`outOfScope.${i}.title`, `Name of area ${i + 1} outside the remit`],
      [`outOfScope.${i}.takeInstead`, `Where to take area ${i + 1} instead`],
    ]),
  ),
};

/** A select or radio group inside a Form, marked up as its text fields are. */
function Choice({
  id,
  error,
  children,
}: {
  id: string;
  error: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  return (
    <div className={error ? 'field field-has-error' : 'field'}>
      {error ? (
        <p id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children(error ? `${id}-error` : undefined)}
    </div>
  );
}

/** Rows left empty are left out; a row half filled in is a problem to fix. */
function areas(values: FormValues, list: 'inScope' | 'outOfScope', second: string) {
  const rows: Record<string, string>[] = [];
  for (const i of ROWS) {
    const title = values[`${list}.${i}.title`]?.trim() ?? '';
    const other = values[`${list}.${i}.${second}`]?.trim() ?? '';
    if (title || other) rows.push({ title, [second]: other });
  }
  return rows;
}

/** For chairs of a group with no ToR yet: the seed template, with its choices made. */
export function TemplateForm({ groupId }: { groupId: string }) {
  const form = useFormState();
  const [frequency, setFrequency] = useState('monthly');
  const monthly = frequency === 'monthly' || frequency === 'every_2_months';

  async function draft(values: FormValues) {
    const inScope = areas(values, 'inScope', 'description');
    const outOfScope = areas(values, 'outOfScope', 'takeInstead');
    const missing: Record<string, string> = {};
    ROWS.forEach((i) => {
      for (const [list, second] of [
        ['inScope', 'description'],
        ['outOfScope', 'takeInstead'],
      ] as const) {
        const title = values[`${list}.${i}.title`]?.trim();
        const other = values[`${list}.${i}.${second}`]?.trim();
        if (title && !other) missing[`${list}.${i}.${second}`] = 'is required';
        if (!title && other) missing[`${list}.${i}.title`] = 'is required';
      }
    });
    if (Object.keys(missing).length) {
      throw new ApiError(422, 'validation_failed', 'Some details need fixing.', missing);
    }
    const taken = new Set<string>();
    const choices = validate(templateChoices, {
      frequency: values.frequency,
      weekday: values.weekday,
      ...(monthly ? { nth: values.nth === 'last' ? 'last' : Number(values.nth) } : {}),
      startTime: values.startTime?.trim(),
      ...(inScope.length
        ? { inScope: inScope.map((a) => ({ ...a, key: keyFrom(a.title ?? '', taken) })) }
        : {}),
      ...(outOfScope.length
        ? { outOfScope: outOfScope.map((a) => ({ ...a, key: keyFrom(a.title ?? '', taken) })) }
        : {}),
    });
    try {
      await api.post<TermsVersion>(termsApi(groupId, '/draft'), { from: 'template', choices });
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = Object.fromEntries(
          Object.entries(error.fields).map(([k, v]) => [k.replace(/^choices\./, ''), v]),
        );
        throw new ApiError(error.status, error.code, error.message, fields);
      }
      throw error;
    }
    navigate(termsPage(groupId, '/draft'), {
      notice: 'A draft has been made from the template. Check each section, then adopt it.',
    });
  }

  const fieldError = (name: string) => {
    const message = form.problem?.fields[name];
    return message ? `${LABELS[name] ?? name} ${message}` : undefined;
  };

  return (
    <section aria-labelledby="template-title" className="section">
      <h2 id="template-title">Draft from the template</h2>
      <p>
        Start from Accord’s template, written from the terms of a real co-production group. Make a
        few choices now; you can change any part of the draft before the group adopts it.
      </p>
      <Form id="template" state={form} labels={LABELS} onSubmit={draft} labelledBy="template-title">
        <Choice id="template-frequency" error={fieldError('frequency')}>
          {(describedBy) => (
            <fieldset className="fieldset" aria-describedby={describedBy}>
              <legend className="label">{LABELS.frequency}</legend>
              {FREQUENCIES.map(([value, label], i) => (
                <div className="radio" key={value}>
                  <input
                    type="radio"
                    id={i === 0 ? 'template-frequency' : `template-frequency-${value}`}
                    name="frequency"
                    value={value}
                    checked={frequency === value}
                    onChange={() => setFrequency(value)}
                  />
                  <label htmlFor={i === 0 ? 'template-frequency' : `template-frequency-${value}`}>
                    {label}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
        </Choice>
        <Choice id="template-weekday" error={fieldError('weekday')}>
          {(describedBy) => (
            <>
              <label htmlFor="template-weekday" className="label">
                {LABELS.weekday}
              </label>
              <select
                id="template-weekday"
                name="weekday"
                className="select"
                defaultValue="tuesday"
                aria-describedby={describedBy}
              >
                {WEEKDAYS.map((day) => (
                  <option key={day} value={day}>
                    {WEEKDAY_LABELS[day]}
                  </option>
                ))}
              </select>
            </>
          )}
        </Choice>
        {monthly ? (
          <Choice id="template-nth" error={fieldError('nth')}>
            {(describedBy) => (
              <>
                <label htmlFor="template-nth" className="label">
                  {LABELS.nth}
                </label>
                <select
                  id="template-nth"
                  name="nth"
                  className="select"
                  defaultValue="2"
                  aria-describedby={describedBy}
                >
                  {NTH_LABELS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </>
            )}
          </Choice>
        ) : null}
        <TextField
          name="startTime"
          defaultValue="18:00"
          autoComplete="off"
          hint="On the 24-hour clock, such as 18:00."
        />
        <fieldset className="fieldset">
          <legend className="label">What the group covers (its remit)</legend>
          <p className="hint">
            Up to three areas now; you can add more in the draft. Leave a row empty if you do not
            need it.
          </p>
          {ROWS.map((i) => (
            <div className="terms-row" key={i}>
              <TextField name={`inScope.${i}.title`} autoComplete="off" optional />
              <TextArea name={`inScope.${i}.description`} optional />
            </div>
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend className="label">What the group does not cover</legend>
          <p className="hint">
            Areas people may raise that belong somewhere else, and where they can take them.
          </p>
          {ROWS.map((i) => (
            <div className="terms-row" key={i}>
              <TextField name={`outOfScope.${i}.title`} autoComplete="off" optional />
              <TextField name={`outOfScope.${i}.takeInstead`} autoComplete="off" optional />
            </div>
          ))}
        </fieldset>
        <SubmitButton busy={form.busy}>Draft from the template</SubmitButton>
      </Form>
    </section>
  );
}
