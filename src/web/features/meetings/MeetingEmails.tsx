import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { api } from '../../lib/api.ts';
import { useResource } from '../../lib/resource.ts';
import { useAction } from './actions.ts';
import type { NotificationSettings } from './types.ts';

const PATH = '/api/v1/me/notifications';

/** Meeting reminder emails: a week before, the day before, both or neither. */
export function MeetingEmails() {
  const settings = useResource<NotificationSettings>(PATH);
  return (
    <section aria-labelledby="emails-title" className="section">
      <h2 id="emails-title">
        <FormattedMessage id="meetings.emails.heading" defaultMessage="Meeting emails" />
      </h2>
      {settings.error ? <LoadProblem error={settings.error} retry={settings.reload} /> : null}
      {settings.loading ? <Loading /> : null}
      {settings.data ? <EmailsForm saved={settings.data} onSaved={settings.reload} /> : null}
    </section>
  );
}

function EmailsForm({ saved, onSaved }: { saved: NotificationSettings; onSaved: () => void }) {
  const intl = useIntl();
  const [weekBefore, setWeekBefore] = useState(saved.weekBefore);
  const [dayBefore, setDayBefore] = useState(saved.dayBefore);
  const [done, setDone] = useState('');
  const announce = useAnnounce();
  const save = useAction();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone('');
    save.run(
      () => api.put(PATH, { weekBefore, dayBefore }),
      () => {
        const words = intl.formatMessage({
          id: 'meetings.emails.saved',
          defaultMessage: 'Your meeting email settings are saved.',
        });
        setDone(words);
        announce(words);
        onSaved();
      },
    );
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="emails-title">
      <fieldset className="plain-fieldset">
        <legend className="label">
          <FormattedMessage
            id="meetings.emails.legend"
            defaultMessage="Email me a reminder of each meeting, with its papers"
          />
        </legend>
        <div className="checkbox">
          <input
            id="emails-week"
            type="checkbox"
            checked={weekBefore}
            onChange={(event) => setWeekBefore(event.target.checked)}
          />
          <label htmlFor="emails-week">
            <FormattedMessage id="meetings.emails.weekBefore" defaultMessage="A week before" />
          </label>
        </div>
        <div className="checkbox">
          <input
            id="emails-day"
            type="checkbox"
            checked={dayBefore}
            onChange={(event) => setDayBefore(event.target.checked)}
          />
          <label htmlFor="emails-day">
            <FormattedMessage id="meetings.emails.dayBefore" defaultMessage="The day before" />
          </label>
        </div>
      </fieldset>
      <button type="submit" className="button" aria-disabled={save.busy || undefined}>
        <FormattedMessage id="meetings.emails.submit" defaultMessage="Save email settings" />
      </button>
      {done ? <p className="notice">{done}</p> : null}
      <Problem error={save.problem} />
    </form>
  );
}
