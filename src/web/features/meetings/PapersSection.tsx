import { useState } from 'react';
import { uploadPaperQuery } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FileField, Form, SelectField, SubmitButton, TextField } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { fileSize, meetingsApi, type MeetingDetail, type Paper } from './types.ts';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT =
  '.pdf,.docx,.odt,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,image/png,image/jpeg';

type Props = { detail: MeetingDetail; onChanged: () => void };

/** Papers for the meeting, early ones and late ones marked, and adding one. */
export function PapersSection({ detail, onChanged }: Props) {
  const { meeting, papers } = detail;
  const itemTitle = new Map(detail.agenda.map((item) => [item.id, item.title]));
  return (
    <section aria-labelledby="papers-title" className="section">
      <h2 id="papers-title">Papers</h2>
      {detail.papersDueAt ? (
        <p>
          Papers are due by {formatDateTime(detail.papersDueAt)}, so everyone has time to read them.
          Papers after that are marked late.
        </p>
      ) : null}
      {papers.length === 0 ? (
        <p>There are no papers yet.</p>
      ) : (
        <ul className="item-list" aria-label="Papers for this meeting">
          {papers.map((paper) => (
            <li key={paper.id} className="item">
              <div className="item-main">
                <p className="item-title">
                  <a
                    href={meetingsApi(meeting.groupId, meeting.id, `/papers/${segment(paper.id)}`)}
                    download={paper.fileName}
                  >
                    {paper.title}
                  </a>
                  {paper.late ? <span className="tag tag-late">Late</span> : null}
                </p>
                <p className="muted">
                  {paper.fileName}, {fileSize(paper.sizeBytes)}. Added{' '}
                  {formatDateTime(paper.uploadedAt)}
                  {paper.uploadedBy ? ` by ${paper.uploadedBy}` : ''}.
                  {paper.itemId && itemTitle.has(paper.itemId)
                    ? ` For item “${itemTitle.get(paper.itemId)}”.`
                    : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {detail.can.uploadPaper && meeting.status === 'scheduled' ? (
        <UploadForm detail={detail} onUploaded={onChanged} />
      ) : null}
    </section>
  );
}

function UploadForm({ detail, onUploaded }: { detail: MeetingDetail; onUploaded: () => void }) {
  const form = useFormState();
  const announce = useAnnounce();
  const [done, setDone] = useState<string | null>(null);

  async function upload(values: FormValues, element: HTMLFormElement) {
    setDone(null);
    const input = element.elements.namedItem('file');
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const fields: Record<string, string> = {};
    if (!values.title?.trim()) fields.title = 'is required';
    if (!file) fields.file = 'is required: choose a file';
    else if (file.size === 0) fields.file = 'is empty: choose another file';
    else if (file.size > MAX_BYTES) fields.file = `is ${fileSize(file.size)}: the limit is 20 MB`;
    if (!file || Object.keys(fields).length > 0) {
      throw new ApiError(422, 'validation_failed', 'Some details need fixing.', fields);
    }
    const query = validate(uploadPaperQuery, {
      title: values.title ?? '',
      fileName: file.name,
      ...(values.itemId ? { itemId: values.itemId } : {}),
    });
    const params = new URLSearchParams({
      title: query.title,
      fileName: query.fileName,
      ...(query.itemId ? { itemId: query.itemId } : {}),
    });
    const paper = await api
      .upload<Paper>(
        meetingsApi(detail.meeting.groupId, detail.meeting.id, `/papers?${params.toString()}`),
        file,
      )
      .catch((error: unknown) => {
        // The server checks the file's content: name the problem beside the file box.
        const named = error instanceof ApiError ? (error.fields.body ?? error.fields.file) : null;
        if (error instanceof ApiError && named) {
          throw new ApiError(error.status, error.code, error.message, { file: named });
        }
        throw error;
      });
    const words = paper.late
      ? `“${paper.title}” is added, marked late.`
      : `“${paper.title}” is added.`;
    setDone(words);
    announce(words);
    element.reset();
    onUploaded();
  }

  return (
    <>
      <h3 id="upload-heading">Add a paper</h3>
      <Form
        id="upload"
        state={form}
        labels={{
          title: 'Paper title',
          file: 'File',
          fileName: 'File name',
          itemId: 'Which item is it for?',
        }}
        onSubmit={upload}
        labelledBy="upload-heading"
      >
        <TextField name="title" autoComplete="off" />
        <FileField
          name="file"
          accept={ACCEPT}
          hint="A PDF, Word (.docx), OpenDocument (.odt), PNG or JPEG file, up to 20 MB."
        />
        <SelectField
          name="itemId"
          optional
          defaultValue=""
          options={[
            { value: '', label: 'The whole meeting' },
            ...detail.agenda.map((item) => ({ value: item.id, label: item.title })),
          ]}
        />
        <SubmitButton busy={form.busy}>Add the paper</SubmitButton>
      </Form>
      {done ? <p className="notice">{done}</p> : null}
    </>
  );
}
