import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { uploadPaperQuery } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FileField, Form, SelectField, SubmitButton, TextField } from '../../components/Form.tsx';
import { ApiError, segment } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { fileSize, meetingsApi, type MeetingDetail, type Paper } from './types.ts';
import { uploadWithProgress, type UploadProgress } from './upload.ts';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT =
  '.pdf,.docx,.odt,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,image/png,image/jpeg';

/** Kinds the browser shows by itself: the server sends them to be viewed, not saved. */
const PREVIEWS = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

type Props = { detail: MeetingDetail; onChanged: () => void };

/** Papers for the meeting, early ones and late ones marked, and adding one. */
export function PapersSection({ detail, onChanged }: Props) {
  const intl = useIntl();
  const { meeting, papers } = detail;
  const itemTitle = new Map(detail.agenda.map((item) => [item.id, item.title]));
  return (
    <section aria-labelledby="papers-title" className="section">
      <h2 id="papers-title">
        <FormattedMessage id="meetings.papers.heading" defaultMessage="Papers" />
      </h2>
      {detail.papersDueAt ? (
        <p>
          <FormattedMessage
            id="meetings.papers.due"
            defaultMessage="Papers are due by {when}, so everyone has time to read them. Papers after that are marked late."
            values={{ when: formatDateTime(detail.papersDueAt) }}
          />
        </p>
      ) : null}
      {papers.length === 0 ? (
        <p>
          <FormattedMessage id="meetings.papers.none" defaultMessage="There are no papers yet." />
        </p>
      ) : (
        <ul
          className="item-list"
          aria-label={intl.formatMessage({
            id: 'meetings.papers.listLabel',
            defaultMessage: 'Papers for this meeting',
          })}
        >
          {papers.map((paper) => (
            <PaperEntry
              key={paper.id}
              paper={paper}
              path={meetingsApi(meeting.groupId, meeting.id, `/papers/${segment(paper.id)}`)}
              itemTitle={paper.itemId ? (itemTitle.get(paper.itemId) ?? null) : null}
            />
          ))}
        </ul>
      )}
      {detail.can.uploadPaper && meeting.status === 'scheduled' ? (
        <UploadForm detail={detail} onUploaded={onChanged} />
      ) : null}
    </section>
  );
}

/**
 * One paper. A PDF opens in the browser's own viewer and an image is shown
 * here as well; any other kind downloads. Every paper can be downloaded.
 */
function PaperEntry({
  paper,
  path,
  itemTitle,
}: {
  paper: Paper;
  path: string;
  itemTitle: string | null;
}) {
  const intl = useIntl();
  const previews = PREVIEWS.has(paper.mediaType);
  const image = previews && paper.mediaType.startsWith('image/');
  const added = {
    name: paper.fileName,
    size: fileSize(intl, paper.sizeBytes),
    when: formatDateTime(paper.uploadedAt),
    by: paper.uploadedBy ?? '',
  };
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          {previews ? (
            <a href={`${path}/preview`}>{paper.title}</a>
          ) : (
            <a href={path} download={paper.fileName}>
              {paper.title}
            </a>
          )}
          {paper.late ? (
            <span className="tag tag-late">
              <FormattedMessage id="meetings.papers.late" defaultMessage="Late" />
            </span>
          ) : null}
        </p>
        {image ? (
          <img
            className="paper-image"
            src={`${path}/preview`}
            alt={intl.formatMessage(
              { id: 'meetings.papers.imageAlt', defaultMessage: 'The paper “{title}”' },
              { title: paper.title },
            )}
            loading="lazy"
          />
        ) : null}
        <p className="muted">
          {paper.uploadedBy ? (
            <FormattedMessage
              id="meetings.papers.addedBy"
              defaultMessage="{name}, {size}. Added {when} by {by}."
              values={{ name: added.name, size: added.size, when: added.when, by: added.by }}
            />
          ) : (
            <FormattedMessage
              id="meetings.papers.added"
              defaultMessage="{name}, {size}. Added {when}."
              values={{ name: added.name, size: added.size, when: added.when }}
            />
          )}
          {itemTitle ? (
            <>
              {' '}
              <FormattedMessage
                id="meetings.papers.forItem"
                defaultMessage="For item “{title}”."
                values={{ title: itemTitle }}
              />
            </>
          ) : null}
        </p>
        {previews ? (
          <p>
            <a href={path} download={paper.fileName}>
              <FormattedMessage
                id="meetings.papers.download"
                defaultMessage="Download<hidden> “{title}”</hidden>"
                values={{
                  title: paper.title,
                  hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                }}
              />
            </a>
          </p>
        ) : null}
      </div>
    </li>
  );
}

function UploadForm({ detail, onUploaded }: { detail: MeetingDetail; onUploaded: () => void }) {
  const intl = useIntl();
  const form = useFormState();
  const announce = useAnnounce();
  const [done, setDone] = useState<string | null>(null);
  const [progress, setProgress] = useState<(UploadProgress & { title: string }) | null>(null);

  async function upload(values: FormValues, element: HTMLFormElement) {
    setDone(null);
    const input = element.elements.namedItem('file');
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const fields: Record<string, string> = {};
    if (!values.title?.trim()) {
      fields.title = intl.formatMessage({
        id: 'meetings.upload.titleRequired',
        defaultMessage: 'is required',
      });
    }
    if (!file) {
      fields.file = intl.formatMessage({
        id: 'meetings.upload.fileRequired',
        defaultMessage: 'is required: choose a file',
      });
    } else if (file.size === 0) {
      fields.file = intl.formatMessage({
        id: 'meetings.upload.fileEmpty',
        defaultMessage: 'is empty: choose another file',
      });
    } else if (file.size > MAX_BYTES) {
      fields.file = intl.formatMessage(
        { id: 'meetings.upload.fileTooBig', defaultMessage: 'is {size}: the limit is 20 MB' },
        { size: fileSize(intl, file.size) },
      );
    }
    if (!file || Object.keys(fields).length > 0) {
      throw new ApiError(
        422,
        'validation_failed',
        intl.formatMessage({
          id: 'meetings.upload.needsFixing',
          defaultMessage: 'Some details need fixing.',
        }),
        fields,
      );
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
    setProgress({ sent: 0, total: file.size, title: query.title });
    announce(
      intl.formatMessage(
        { id: 'meetings.upload.started', defaultMessage: 'Uploading “{title}”…' },
        { title: query.title },
      ),
    );
    const paper = await uploadWithProgress<Paper>(
      meetingsApi(detail.meeting.groupId, detail.meeting.id, `/papers?${params.toString()}`),
      file,
      (now) => setProgress({ ...now, title: query.title }),
      {
        network: intl.formatMessage({
          id: 'meetings.upload.network',
          defaultMessage:
            'We could not reach Accord. Check your internet connection and try again.',
        }),
        unexpected: intl.formatMessage({
          id: 'meetings.upload.unexpected',
          defaultMessage: 'Something went wrong on our side. Please try again in a moment.',
        }),
      },
    )
      .catch((error: unknown) => {
        // The server checks the file's content: name the problem beside the file box.
        const named = error instanceof ApiError ? (error.fields.body ?? error.fields.file) : null;
        if (error instanceof ApiError && named) {
          throw new ApiError(error.status, error.code, error.message, { file: named });
        }
        throw error;
      })
      .finally(() => setProgress(null));
    const words = paper.late
      ? intl.formatMessage(
          { id: 'meetings.upload.addedLate', defaultMessage: '“{title}” is added, marked late.' },
          { title: paper.title },
        )
      : intl.formatMessage(
          { id: 'meetings.upload.added', defaultMessage: '“{title}” is added.' },
          { title: paper.title },
        );
    setDone(words);
    announce(words);
    element.reset();
    onUploaded();
  }

  const percent = progress
    ? Math.min(100, Math.round((progress.sent / Math.max(progress.total, 1)) * 100))
    : 0;
  return (
    <>
      <h3 id="upload-heading">
        <FormattedMessage id="meetings.upload.heading" defaultMessage="Add a paper" />
      </h3>
      <Form
        id="upload"
        state={form}
        labels={{
          title: intl.formatMessage({ id: 'meetings.upload.title', defaultMessage: 'Paper title' }),
          file: intl.formatMessage({ id: 'meetings.upload.file', defaultMessage: 'File' }),
          fileName: intl.formatMessage({
            id: 'meetings.upload.fileName',
            defaultMessage: 'File name',
          }),
          itemId: intl.formatMessage({
            id: 'meetings.upload.item',
            defaultMessage: 'Which item is it for?',
          }),
        }}
        onSubmit={upload}
        labelledBy="upload-heading"
      >
        <TextField name="title" autoComplete="off" />
        <FileField
          name="file"
          accept={ACCEPT}
          hint={intl.formatMessage({
            id: 'meetings.upload.fileHint',
            defaultMessage:
              'A PDF, Word (.docx), OpenDocument (.odt), PNG or JPEG file, up to 20 MB.',
          })}
        />
        <SelectField
          name="itemId"
          optional
          defaultValue=""
          options={[
            {
              value: '',
              label: intl.formatMessage({
                id: 'meetings.upload.wholeMeeting',
                defaultMessage: 'The whole meeting',
              }),
            },
            ...detail.agenda.map((item) => ({ value: item.id, label: item.title })),
          ]}
        />
        {progress ? (
          <div className="upload-progress">
            <label htmlFor="upload-progress-bar">
              <FormattedMessage
                id="meetings.upload.progressLabel"
                defaultMessage="Uploading “{title}”: {percent}%"
                values={{ title: progress.title, percent }}
              />
            </label>
            <progress id="upload-progress-bar" max={100} value={percent}>
              {intl.formatNumber(percent / 100, { style: 'percent' })}
            </progress>
          </div>
        ) : null}
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="meetings.upload.submit" defaultMessage="Add the paper" />
        </SubmitButton>
      </Form>
      {done ? <p className="notice">{done}</p> : null}
    </>
  );
}
