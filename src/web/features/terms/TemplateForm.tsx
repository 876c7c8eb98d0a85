import { useState, type ReactNode } from 'react';
import {
  defineMessages,
  FormattedMessage,
  useIntl,
  type IntlShape,
  type MessageDescriptor,
} from 'react-intl';
import { templateChoices } from '../../../contracts/terms.ts';
import { WEEKDAYS } from '../../../policy/terms.ts';
import { LOCALE_NAMES, LOCALES } from '../../../i18n/locales.ts';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { navigate } from '../../lib/router.ts';
import { FREQUENCIES, NTH_LABELS, WEEKDAY_LABELS } from './choices.ts';
import { ErrorPrefix } from './editor.tsx';
import { keyFrom } from './keys.ts';
import { termsApi, termsPage, type TermsVersion } from './types.ts';

const ROWS = [0, 1, 2];

const MESSAGES = defineMessages({
  frequency: { id: 'terms.template.frequency', defaultMessage: 'How often does the group meet?' },
  weekday: { id: 'terms.template.weekday', defaultMessage: 'Which day of the week?' },
  nth: { id: 'terms.template.nth', defaultMessage: 'Which week of the month?' },
  startTime: { id: 'terms.template.startTime', defaultMessage: 'What time do meetings start?' },
  inScopeTitle: {
    id: 'terms.template.inScopeTitle',
    defaultMessage: 'Name of area {n} in the remit',
  },
  inScopeDescription: {
    id: 'terms.template.inScopeDescription',
    defaultMessage: 'What area {n} covers',
  },
  outOfScopeTitle: {
    id: 'terms.template.outOfScopeTitle',
    defaultMessage: 'Name of area {n} outside the remit',
  },
  outOfScopeTakeInstead: {
    id: 'terms.template.outOfScopeTakeInstead',
    defaultMessage: 'Where to take area {n} instead',
  },
  required: { id: 'terms.template.required', defaultMessage: 'is required' },
  fix: { id: 'terms.template.fix', defaultMessage: 'Some details need fixing.' },
  made: {
    id: 'terms.template.made',
    defaultMessage: 'A draft has been made from the template. Check each section, then adopt it.',
  },
});

/** Plain descriptors: the catalogue check, not the type, holds each message's arguments. */
const M: Record<keyof typeof MESSAGES, MessageDescriptor> = MESSAGES;

/** Each field's label, by the name the API uses for it. */
function labelsFor(intl: IntlShape): Record<string, string> {
  return {
    frequency: intl.formatMessage(M.frequency),
    weekday: intl.formatMessage(M.weekday),
    nth: intl.formatMessage(M.nth),
    startTime: intl.formatMessage(M.startTime),
    ...Object.fromEntries(
      ROWS.flatMap((i) => [
        [`inScope.${i}.title`, intl.formatMessage(M.inScopeTitle, { n: i + 1 })],
        [`inScope.${i}.description`, intl.formatMessage(M.inScopeDescription, { n: i + 1 })],
        [`outOfScope.${i}.title`, intl.formatMessage(M.outOfScopeTitle, { n: i + 1 })],
        [`outOfScope.${i}.takeInstead`, intl.formatMessage(M.outOfScopeTakeInstead, { n: i + 1 })],
      ]),
    ),
  };
}

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
          <ErrorPrefix />
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
  const intl = useIntl();
  const LABELS = labelsFor(intl);
  const form = useFormState();
  const { locale } = useLocale();
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
        if (title && !other) missing[`${list}.${i}.${second}`] = intl.formatMessage(M.required);
        if (!title && other) missing[`${list}.${i}.title`] = intl.formatMessage(M.required);
      }
    });
    if (Object.keys(missing).length) {
      throw new ApiError(422, 'validation_failed', intl.formatMessage(M.fix), missing);
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
      await api.post<TermsVersion>(termsApi(groupId, '/draft'), {
        from: 'template',
        choices,
        language: values.language === 'cy' ? 'cy' : 'en-GB',
      });
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
      notice: intl.formatMessage(M.made),
    });
  }

  const fieldError = (name: string) => {
    const message = form.problem?.fields[name];
    return message ? `${LABELS[name] ?? name} ${message}` : undefined;
  };

  return (
    <section aria-labelledby="template-title" className="section">
      <h2 id="template-title">
        <FormattedMessage id="terms.template.title" defaultMessage="Draft from the template" />
      </h2>
      <p>
        <FormattedMessage
          id="terms.template.intro"
          defaultMessage="Start from Accord’s template, written from the terms of a real co-production group. Make a few choices now; you can change any part of the draft before the group adopts it."
        />
      </p>
      <Form id="template" state={form} labels={LABELS} onSubmit={draft} labelledBy="template-title">
        <div className="field">
          <label htmlFor="template-language" className="label">
            <FormattedMessage id="terms.template.language" defaultMessage="Language of the draft" />
          </label>
          <select id="template-language" name="language" className="select" defaultValue={locale}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
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
                    {intl.formatMessage(label)}
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
                    {intl.formatMessage(WEEKDAY_LABELS[day])}
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
                      {intl.formatMessage(label)}
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
          hint={intl.formatMessage({
            id: 'terms.cadence.startTimeHint',
            defaultMessage: 'On the 24-hour clock, such as 18:00.',
          })}
        />
        <fieldset className="fieldset">
          <legend className="label">
            <FormattedMessage
              id="terms.template.inScopeLegend"
              defaultMessage="What the group covers (its remit)"
            />
          </legend>
          <p className="hint">
            <FormattedMessage
              id="terms.template.inScopeHint"
              defaultMessage="Up to three areas now; you can add more in the draft. Leave a row empty if you do not need it."
            />
          </p>
          {ROWS.map((i) => (
            <div className="terms-row" key={i}>
              <TextField name={`inScope.${i}.title`} autoComplete="off" optional />
              <TextArea name={`inScope.${i}.description`} optional />
            </div>
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend className="label">
            <FormattedMessage
              id="terms.template.outOfScopeLegend"
              defaultMessage="What the group does not cover"
            />
          </legend>
          <p className="hint">
            <FormattedMessage
              id="terms.template.outOfScopeHint"
              defaultMessage="Areas people may raise that belong somewhere else, and where they can take them."
            />
          </p>
          {ROWS.map((i) => (
            <div className="terms-row" key={i}>
              <TextField name={`outOfScope.${i}.title`} autoComplete="off" optional />
              <TextField name={`outOfScope.${i}.takeInstead`} autoComplete="off" optional />
            </div>
          ))}
        </fieldset>
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="terms.template.submit" defaultMessage="Draft from the template" />
        </SubmitButton>
      </Form>
    </section>
  );
}
