import { useState } from 'react';
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
function byLine(error: ApiError): ApiError {
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.fields)) {
    if (/^line \d+$/.test(name)) fields[`L${name.slice(1)}:`] = message;
    else if (name === 'more') fields['And'] = message.replace(/^and /, '');
    else fields[name] = message;
  }
  if (Object.keys(fields).some((name) => name.startsWith('Line '))) {
    fields.csv ??= 'has rows to fix, listed above';
  }
  return new ApiError(error.status, error.code, error.message, fields);
}

/**
 * For chairs and note-takers: attendance kept before Accord, pasted as CSV.
 * A bad file is refused whole, with every bad row listed in the summary.
 */
export function AttendanceImport({ groupId }: { groupId: string }) {
  const form = useFormState();
  const announce = useAnnounce();
  const [done, setDone] = useState<string | null>(null);

  async function upload(values: FormValues, element: HTMLFormElement) {
    setDone(null);
    const body = validate(importAttendanceBody, values);
    const result = await api
      .post<ImportResult>(`/api/v1/groups/${segment(groupId)}/attendance/import`, body)
      .catch((error: unknown) => {
        throw error instanceof ApiError ? byLine(error) : error;
      });
    const told =
      result.membershipChanged > 0
        ? ` ${result.membershipChanged} ${result.membershipChanged === 1 ? 'person’s membership changed; they are' : 'people’s membership changed; each is'} told by email.`
        : '';
    const words = `Imported ${result.imported} ${result.imported === 1 ? 'mark' : 'marks'} for ${result.meetings} ${result.meetings === 1 ? 'meeting' : 'meetings'}. Each meeting shows the import and its reason.${told}`;
    setDone(words);
    announce(words);
    element.reset();
  }

  return (
    <section aria-labelledby="import-title" className="section">
      <h2 id="import-title">Import past attendance</h2>
      <details className="details">
        <summary>Paste attendance from a spreadsheet</summary>
        <p>
          Save the spreadsheet as CSV, with a header row <code>date,email,attendance</code>, and
          paste it here. Attendance is one of <code>present</code>, <code>online</code>,{' '}
          <code>apologies</code> or <code>absent</code>. If any row is wrong nothing is imported,
          and every row to fix is listed. Membership is worked out from attendance, so say why it is
          added now: each meeting it changes shows the group the reason, and anyone whose membership
          it changes is told by email.
        </p>
        <Form
          id="import"
          state={form}
          labels={{ csv: 'Attendance as CSV', reason: 'Why it is added after the meetings' }}
          onSubmit={upload}
          labelledBy="import-title"
        >
          <TextArea name="csv" />
          <TextArea name="reason" hint="For example: “the paper registers of 2025”." />
          <SubmitButton busy={form.busy}>Import attendance</SubmitButton>
        </Form>
      </details>
      {done ? <p className="notice">{done}</p> : null}
    </section>
  );
}
