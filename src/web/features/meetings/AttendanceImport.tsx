import { useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { importAttendanceBody } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import type { ImportResult } from './types.ts';

/**
 * The server names each bad row "line N": the summary lists them as
 * "Line N: what is wrong", every one, in order.
 */
function byLine(intl: IntlShape, error: ApiError): ApiError {
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.fields)) {
    if (/^line \d+$/.test(name)) {
      fields[
        intl.formatMessage(
          { id: 'meetings.import.line', defaultMessage: 'Line {number}:' },
          { number: name.slice(5) },
        )
      ] = message;
    } else if (name === 'more') {
      fields[intl.formatMessage({ id: 'meetings.import.more', defaultMessage: 'And' })] =
        message.replace(/^and /, '');
    } else fields[name] = message;
  }
  if (Object.keys(error.fields).some((name) => /^line \d+$/.test(name))) {
    fields.csv ??= intl.formatMessage({
      id: 'meetings.import.rowsToFix',
      defaultMessage: 'has rows to fix, listed above',
    });
  }
  return new ApiError(error.status, error.code, error.message, fields);
}

/**
 * For chairs and note-takers: attendance kept before Accord, pasted as CSV.
 * A bad file is refused whole, with every bad row listed in the summary.
 */
export function AttendanceImport({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const form = useFormState();
  const announce = useAnnounce();
  const [done, setDone] = useState<string | null>(null);

  async function upload(values: FormValues, element: HTMLFormElement) {
    setDone(null);
    const body = validate(importAttendanceBody, values);
    const result = await api
      .post<ImportResult>(`/api/v1/groups/${segment(groupId)}/attendance/import`, body)
      .catch((error: unknown) => {
        throw error instanceof ApiError ? byLine(intl, error) : error;
      });
    const imported = intl.formatMessage(
      {
        id: 'meetings.import.done',
        defaultMessage:
          'Imported {marks, plural, one {# mark} other {# marks}} for {meetings, plural, one {# meeting} other {# meetings}}. Each meeting shows the import and its reason.',
      },
      { marks: result.imported, meetings: result.meetings },
    );
    const words =
      result.membershipChanged > 0
        ? `${imported} ${intl.formatMessage(
            {
              id: 'meetings.import.told',
              defaultMessage:
                '{count, plural, one {# person’s membership changed; they are told by email.} other {# people’s membership changed; each is told by email.}}',
            },
            { count: result.membershipChanged },
          )}`
        : imported;
    setDone(words);
    announce(words);
    element.reset();
  }

  return (
    <section aria-labelledby="import-title" className="section">
      <h2 id="import-title">
        <FormattedMessage id="meetings.import.heading" defaultMessage="Import past attendance" />
      </h2>
      <details className="details">
        <summary>
          <FormattedMessage
            id="meetings.import.open"
            defaultMessage="Paste attendance from a spreadsheet"
          />
        </summary>
        <p>
          <FormattedMessage
            id="meetings.import.help"
            defaultMessage="Save the spreadsheet as CSV, with a header row <code>date,email,attendance</code>, and paste it here. Attendance is one of <code>present</code>, <code>online</code>, <code>apologies</code> or <code>absent</code>. If any row is wrong nothing is imported, and every row to fix is listed. Membership is worked out from attendance, so say why it is added now: each meeting it changes shows the group the reason, and anyone whose membership it changes is told by email."
            values={{ code: (chunks) => <code>{chunks}</code> }}
          />
        </p>
        <Form
          id="import"
          state={form}
          labels={{
            csv: intl.formatMessage({
              id: 'meetings.import.csv',
              defaultMessage: 'Attendance as CSV',
            }),
            reason: intl.formatMessage({
              id: 'meetings.import.reason',
              defaultMessage: 'Why it is added after the meetings',
            }),
          }}
          onSubmit={upload}
          labelledBy="import-title"
        >
          <TextArea name="csv" />
          <TextArea
            name="reason"
            hint={intl.formatMessage({
              id: 'meetings.import.reasonHint',
              defaultMessage: 'For example: “the paper registers of 2025”.',
            })}
          />
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="meetings.import.submit" defaultMessage="Import attendance" />
          </SubmitButton>
        </Form>
      </details>
      {done ? <p className="notice">{done}</p> : null}
    </section>
  );
}
