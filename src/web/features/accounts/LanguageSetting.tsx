import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { updateMeBody, type Me } from '../../../contracts/accounts.ts';
import { Form, SelectField, SubmitButton } from '../../components/Form.tsx';
import { LOCALES, LOCALE_NAMES } from '../../../i18n/locales.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';

/**
 * The language Accord uses for you: these pages on any device you sign in
 * on, and the emails it sends you.
 */
export function LanguageSetting({ onChanged }: { onChanged: (me: Me) => void }) {
  const intl = useIntl();
  const { locale, followAccount } = useLocale();
  const form = useFormState();
  // Said on the page (and read out) in the language just chosen, once its messages are on screen.
  const [saved, setSaved] = useState(false);

  async function save(values: FormValues) {
    setSaved(false);
    const body = validate(updateMeBody, { language: values.language ?? '' });
    const updated = await api.patch<Me>('/api/v1/me', body);
    followAccount(updated, { apply: true });
    onChanged(updated);
    setSaved(true);
  }

  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">
        <FormattedMessage id="accounts.language.title" defaultMessage="Language" />
      </h2>
      <Form
        id="language"
        labelledBy="language-title"
        state={form}
        labels={{
          language: intl.formatMessage({
            id: 'accounts.language.label',
            defaultMessage: 'Language for Accord and its emails',
          }),
        }}
        onSubmit={save}
      >
        <SelectField
          key={locale}
          name="language"
          defaultValue={locale}
          hint={intl.formatMessage({
            id: 'accounts.language.hint',
            defaultMessage:
              'Accord shows its pages in this language on every device you sign in on, and writes your emails in it.',
          })}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="accounts.language.submit" defaultMessage="Save language" />
        </SubmitButton>
      </Form>
      <p role="status" className={saved ? 'confirmation' : undefined}>
        {saved ? (
          <FormattedMessage id="accounts.language.saved" defaultMessage="Your language is saved." />
        ) : null}
      </p>
    </section>
  );
}
