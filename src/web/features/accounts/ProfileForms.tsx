import { useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { changeEmailBody, updateMeBody, type Me } from '../../../contracts/accounts.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';

/** "Sam, Sammy" as the list the API takes. */
function namesFrom(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

/** The API names the list's entries (knownAs.1); on screen they are one box. */
function aboutKnownAs(error: unknown, intl: IntlShape): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.fields)) {
    const [head, index] = name.split('.');
    const key = head === 'knownAs' ? 'knownAs' : name;
    fields[key] ??=
      index === undefined
        ? message
        : intl.formatMessage(
            { id: 'accounts.profile.nameProblem', defaultMessage: 'name {n} {problem}' },
            { n: Number(index) + 1, problem: message },
          );
  }
  return new ApiError(error.status, error.code, error.message, fields);
}

/**
 * Your name, the other names you go by, your job title and organisation (the
 * notes' attribution check looks for all of them), and your email address,
 * which changes only once the link sent to the new address is opened.
 */
export function ProfileForms({ me, onChanged }: { me: Me; onChanged: (me: Me) => void }) {
  const intl = useIntl();
  const names = useFormState();
  const email = useFormState();
  const announce = useAnnounce();
  const [sent, setSent] = useState<string | null>(null);

  async function saveNames(values: FormValues) {
    try {
      const body = validate(updateMeBody, {
        name: values.name ?? '',
        knownAs: namesFrom(values.knownAs),
        jobTitle: values.jobTitle ?? '',
        organisation: values.organisation ?? '',
      });
      const updated = await api.patch<Me>('/api/v1/me', body);
      onChanged(updated);
      announce(
        intl.formatMessage({ id: 'accounts.profile.saved', defaultMessage: 'Your name is saved.' }),
      );
    } catch (error) {
      throw aboutKnownAs(error, intl);
    }
  }

  async function changeEmail(values: FormValues, form: HTMLFormElement) {
    const body = validate(changeEmailBody, { email: values.email ?? '' });
    await api.post('/api/v1/me/email', body);
    const sent = intl.formatMessage(
      {
        id: 'accounts.profile.emailChangeSent',
        defaultMessage:
          'We have emailed a link to {email}. Your address changes when you open it; until then it stays as it is.',
      },
      { email: body.email },
    );
    setSent(sent);
    announce(sent);
    form.reset();
  }

  return (
    <>
      <section aria-labelledby="names-title">
        <h2 id="names-title">
          <FormattedMessage id="accounts.profile.nameTitle" defaultMessage="Your name" />
        </h2>
        <Form
          id="names"
          labelledBy="names-title"
          state={names}
          labels={{
            name: intl.formatMessage({ id: 'accounts.profile.name', defaultMessage: 'Your name' }),
            knownAs: intl.formatMessage({
              id: 'accounts.profile.knownAs',
              defaultMessage: 'Other names you go by',
            }),
            jobTitle: intl.formatMessage({
              id: 'accounts.profile.jobTitle',
              defaultMessage: 'Your job title',
            }),
            organisation: intl.formatMessage({
              id: 'accounts.profile.organisation',
              defaultMessage: 'The organisation you work for or represent',
            }),
          }}
          onSubmit={saveNames}
        >
          <TextField name="name" defaultValue={me.name} autoComplete="name" />
          <TextField
            name="knownAs"
            optional
            defaultValue={me.knownAs.join(', ')}
            hint={intl.formatMessage({
              id: 'accounts.profile.knownAsHint',
              defaultMessage:
                'Separate them with commas, such as: Sam, Sammy. Notes are checked so that no view is put to any name you go by.',
            })}
          />
          <TextField
            name="jobTitle"
            optional
            defaultValue={me.jobTitle ?? ''}
            autoComplete="organization-title"
            hint={intl.formatMessage({
              id: 'accounts.profile.jobTitleHint',
              defaultMessage:
                'Such as: practice manager. Used so that notes never attribute a view to you by your job.',
            })}
          />
          <TextField
            name="organisation"
            optional
            defaultValue={me.organisation ?? ''}
            autoComplete="organization"
            hint={intl.formatMessage({
              id: 'accounts.profile.organisationHint',
              defaultMessage:
                'Such as: Citizens Advice. Used so that notes never attribute a view to you by your organisation.',
            })}
          />
          <SubmitButton busy={names.busy}>
            <FormattedMessage id="accounts.profile.saveName" defaultMessage="Save your name" />
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="email-title">
        <h2 id="email-title">
          <FormattedMessage id="accounts.profile.emailTitle" defaultMessage="Your email address" />
        </h2>
        <p>
          <FormattedMessage
            id="accounts.profile.emailNow"
            defaultMessage="Now: <b>{email}</b>. To change it, give the new address: we email it a link, and the change happens when you open that link."
            values={{ email: me.email, b: (chunks) => <strong>{chunks}</strong> }}
          />
        </p>
        <Form
          id="change-email"
          labelledBy="email-title"
          state={email}
          labels={{
            email: intl.formatMessage({
              id: 'accounts.profile.newEmail',
              defaultMessage: 'New email address',
            }),
          }}
          onSubmit={changeEmail}
        >
          <TextField name="email" type="email" autoComplete="email" />
          <SubmitButton busy={email.busy}>
            <FormattedMessage id="accounts.profile.sendLink" defaultMessage="Send the link" />
          </SubmitButton>
        </Form>
        {sent ? (
          <p role="status" className="confirmation">
            {sent}
          </p>
        ) : null}
      </section>
    </>
  );
}
