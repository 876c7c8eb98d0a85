/**
 * What kind of file a meeting paper is, decided from its bytes alone by the
 * `file-type` package. A name or a browser's Content-Type is a claim by the
 * uploader; the content is not. Word and OpenDocument files are ZIP archives:
 * file-type reads a DOCX's `[Content_Types].xml` and an ODT's `mimetype` entry
 * to tell them from other archives, which are refused.
 */
import { fileTypeFromBuffer } from 'file-type';

export type PaperType = {
  mediaType: string;
  extension: 'pdf' | 'docx' | 'odt' | 'png' | 'jpg';
  label: string;
};

/** The kinds of paper a group may share, by the extension file-type reports. */
const PAPER_TYPES: ReadonlyMap<string, PaperType> = new Map([
  ['pdf', { mediaType: 'application/pdf', extension: 'pdf', label: 'PDF document' }],
  [
    'docx',
    {
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
      label: 'Word document',
    },
  ],
  [
    'odt',
    {
      mediaType: 'application/vnd.oasis.opendocument.text',
      extension: 'odt',
      label: 'OpenDocument text',
    },
  ],
  ['png', { mediaType: 'image/png', extension: 'png', label: 'PNG image' }],
  ['jpg', { mediaType: 'image/jpeg', extension: 'jpg', label: 'JPEG image' }],
]);

/**
 * The paper type of `bytes`, or null when it is none of the allowed kinds or
 * cannot be told. Never rejects: a file the library cannot read is refused.
 */
export async function paperTypeOf(bytes: Uint8Array): Promise<PaperType | null> {
  try {
    const found = await fileTypeFromBuffer(bytes);
    return (found && PAPER_TYPES.get(found.ext)) ?? null;
  } catch {
    return null;
  }
}

/**
 * The media type to show a paper as in the browser (PDF, PNG, JPEG, GIF or
 * WebP), read again from its bytes by file-type; null for any other kind,
 * which is only ever downloaded.
 */
export async function previewTypeOf(bytes: Uint8Array): Promise<string | null> {
  try {
    const found = await fileTypeFromBuffer(bytes);
    return found && PREVIEW_TYPES.has(found.mime) ? found.mime : null;
  } catch {
    return null;
  }
}

const PREVIEW_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);
