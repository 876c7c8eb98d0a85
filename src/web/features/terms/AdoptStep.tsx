import { FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import type { decisionList } from '../../../contracts/decisions.ts';
import { adoptDraftBody } from '../../../contracts/terms.ts';
import {
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useField,
} from '../../components/Form.tsx';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { ErrorPrefix } from './editor.tsx';
import { fieldLabel } from './fields.ts';
import { termsApi, termsPage, type TermsVersion } from './types.ts';

/** The tick box that says a first version takes effect on a date still to come. */
function TakesEffectLater() {
  const intl = useIntl();
  const field = useField('takesEffectLater', undefined);
  return (
    <div className={field.error ? 'field field-has-error' : 'field'}>
      {field.error ? (
        <p id={field.errorId} className="error-message">
          <ErrorPrefix />
          {field.label} {field.error}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          id={field.id}
          name="takesEffectLater"
          type="checkbox"
          value="yes"
          aria-invalid={field.error ? true : undefined}
          aria-describedby={[`${field.id}-hint`, field.errorId].filter(Boolean).join(' ')}
        />
        <label htmlFor={field.id}>{field.label}</label>
      </div>
      <p id={`${field.id}-hint`} className="hint">
        {intl.formatMessage({
          id: 'terms.adopt.takesEffectLaterHint',
          defaultMessage:
            'Tick this only if the group agreed that these first terms start on a day still to come. The date above is then that day.',
        })}
      </p>
    </div>
  );
}

/** Adopting the saved draft: the date the group agreed it (within what is possible), and how. */
export function Adopt({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const form = useFormState();
  const draft = useResource<TermsVersion>(termsApi(groupId, '/draft'));
  const decisions = useResource<z.infer<typeof decisionList>>(
    `/api/v1/groups/${segment(groupId)}/decisions`,
  );
  const agreed = (decisions.data?.decisions ?? []).filter((d) => d.outcome === 'agreed');
  const dates = draft.data?.adoptionDates;

  if (draft.error) return <LoadProblem error={draft.error} retry={draft.reload} />;
  if (!dates) return <Loading />;

  const labels = {
    adoptedOn: intl.formatMessage({
      id: 'terms.adopt.adoptedOn',
      defaultMessage: 'Date of the meeting that agreed it',
    }),
    takesEffectLater: intl.formatMessage({
      id: 'terms.adopt.takesEffectLater',
      defaultMessage: 'These terms take effect on a future date',
    }),
    decisionId: intl.formatMessage({
      id: 'terms.adopt.decisionId',
      defaultMessage: 'The decision that agreed it',
    }),
    note: intl.formatMessage({ id: 'terms.adopt.note', defaultMessage: 'How the group agreed it' }),
  };
  const earliest = formatCalendarDate(dates.earliest);
  const today = formatCalendarDate(dates.today);
  const dateHint = dates.firstVersion
    ? intl.formatMessage(
        {
          id: 'terms.adopt.dateHintFirst',
          defaultMessage:
            'Written YYYY-MM-DD. It can be no earlier than {earliest}, when this draft was started, and no later than today, {today}, unless these terms take effect on a future date.',
        },
        { earliest, today },
      )
    : intl.formatMessage(
        {
          id: 'terms.adopt.dateHint',
          defaultMessage:
            'Written YYYY-MM-DD. It can be no earlier than {earliest}: not before this draft was started, nor before the version in force was adopted.',
        },
        { earliest },
      );

  async function adopt(values: FormValues) {
    const { takesEffectLater, ...rest } = withoutEmpty(values);
    const body = validate(adoptDraftBody, {
      ...rest,
      ...(takesEffectLater ? { takesEffectLater: true } : {}),
    });
    let adopted: TermsVersion;
    try {
      adopted = await api.post<TermsVersion>(termsApi(groupId, '/draft/adopt'), body);
    } catch (error) {
      // A draft that cannot be adopted names its fields: say them in words.
      if (error instanceof ApiError) {
        const fields = Object.fromEntries(
          Object.entries(error.fields).map(([k, v]) => [
            k.startsWith('document.') ? fieldLabel(k.slice('document.'.length), intl) : k,
            v,
          ]),
        );
        throw new ApiError(error.status, error.code, error.message, fields);
      }
      throw error;
    }
    navigate(termsPage(groupId), {
      notice: intl.formatMessage(
        {
          id: 'terms.adopt.done',
          defaultMessage:
            'Version {number} is now in force. Everyone in the group is asked to accept it.',
        },
        { number: adopted.number },
      ),
    });
  }

  return (
    <>
      <p>
        <FormattedMessage
          id="terms.adopt.intro"
          defaultMessage="Adopt the draft once the group has agreed it at a meeting. It becomes the new version in force, and everyone is asked to read and accept it."
        />
      </p>
      <Form id="adopt" state={form} labels={labels} onSubmit={adopt}>
        <TextField
          name="adoptedOn"
          type="date"
          defaultValue={dates.earliest > dates.today ? dates.earliest : dates.today}
          hint={dateHint}
        />
        {dates.firstVersion ? <TakesEffectLater /> : null}
        {agreed.length > 0 ? (
          <SelectField
            name="decisionId"
            optional
            hint={intl.formatMessage({
              id: 'terms.adopt.decisionHint',
              defaultMessage:
                'If the group agreed it through a proposal, the version links to that decision.',
            })}
            options={[
              {
                value: '',
                label: intl.formatMessage({
                  id: 'terms.adopt.noDecision',
                  defaultMessage: 'No recorded decision',
                }),
              },
              ...agreed.map((d) => ({
                value: d.id,
                label: intl.formatMessage(
                  {
                    id: 'terms.adopt.decisionOption',
                    defaultMessage: 'Decision {number}: {title} ({date})',
                  },
                  { number: d.number, title: d.title, date: formatCalendarDate(d.decidedOn) },
                ),
              })),
            ]}
          />
        ) : null}
        <TextArea
          name="note"
          optional
          hint={intl.formatMessage({
            id: 'terms.adopt.noteHint',
            defaultMessage:
              'If you leave this empty: “Adopted by consensus at the meeting of” the date, or by the decision you chose.',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="terms.adopt.submit" defaultMessage="Adopt this draft" />
        </SubmitButton>
      </Form>
    </>
  );
}
