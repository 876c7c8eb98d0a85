/**
 * What kind of file a meeting paper is, decided from its bytes alone. A name
 * or a browser's Content-Type is a claim by the uploader; the content is not.
 *
 * Word and OpenDocument files are ZIP archives, so they are told apart by what
 * is inside: a DOCX's central directory lists `[Content_Types].xml` and parts
 * under `word/`; an ODT starts with an uncompressed `mimetype` entry holding
 * its media type (ODF 1.2, part 3, section 3.3). Any other archive, and any
 * archive whose structure does not hold together, is refused.
 *
 * Every read is bounds-checked: the function returns null on any input rather
 * than throwing.
 */

export type PaperType = {
  mediaType: string;
  extension: 'pdf' | 'docx' | 'odt' | 'png' | 'jpg';
  label: string;
};

const PDF: PaperType = { mediaType: 'application/pdf', extension: 'pdf', label: 'PDF document' };
const PNG: PaperType = { mediaType: 'image/png', extension: 'png', label: 'PNG image' };
const JPEG: PaperType = { mediaType: 'image/jpeg', extension: 'jpg', label: 'JPEG image' };
const DOCX: PaperType = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  label: 'Word document',
};
const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';
const ODT: PaperType = { mediaType: ODT_MEDIA_TYPE, extension: 'odt', label: 'OpenDocument text' };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

export function sniffPaperType(bytes: Uint8Array): PaperType | null {
  if (startsWith(bytes, PDF_MAGIC)) return PDF;
  if (startsWith(bytes, PNG_MAGIC)) return PNG;
  if (startsWith(bytes, JPEG_MAGIC)) return JPEG;
  if (readU32(bytes, 0) !== LOCAL_HEADER_SIG) return null;

  const entries = readCentralDirectory(bytes);
  if (!entries) return null;
  if (isOdt(bytes, entries)) return ODT;
  if (isDocx(entries)) return DOCX;
  return null;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

// ZIP structures (APPNOTE.TXT section 4.3), all little-endian.
const LOCAL_HEADER_SIG = 0x04034b50;
const CENTRAL_HEADER_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

type ZipEntry = { name: string; localOffset: number };

/** A little-endian integer at `offset`, or null if it runs past the end. */
function readU16(bytes: Uint8Array, offset: number): number | null {
  if (offset < 0 || offset + 2 > bytes.length) return null;
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

function readU32(bytes: Uint8Array, offset: number): number | null {
  const low = readU16(bytes, offset);
  const high = readU16(bytes, offset + 2);
  if (low === null || high === null) return null;
  return low + high * 0x10000;
}

const nameDecoder = new TextDecoder('utf-8', { fatal: false });

/**
 * The entries listed in the central directory, or null when the archive is
 * truncated or inconsistent: no end-of-central-directory record, a directory
 * that runs past the end or over the record, an entry without its signature,
 * or an entry whose local header is not where it says. ZIP64 archives (over
 * 4 GB or 65,535 entries) are refused; no paper is that large.
 */
function readCentralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd === null) return null;
  const count = readU16(bytes, eocd + 10);
  const size = readU32(bytes, eocd + 12);
  const start = readU32(bytes, eocd + 16);
  if (count === null || size === null || start === null) return null;
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) return null;
  if (start + size > eocd) return null;

  const entries: ZipEntry[] = [];
  let offset = start;
  for (let i = 0; i < count; i++) {
    if (offset + CENTRAL_HEADER_SIZE > start + size) return null;
    if (readU32(bytes, offset) !== CENTRAL_HEADER_SIG) return null;
    const nameLength = readU16(bytes, offset + 28) ?? 0;
    const extraLength = readU16(bytes, offset + 30) ?? 0;
    const commentLength = readU16(bytes, offset + 32) ?? 0;
    const localOffset = readU32(bytes, offset + 42) ?? 0;
    const nameStart = offset + CENTRAL_HEADER_SIZE;
    const next = nameStart + nameLength + extraLength + commentLength;
    if (next > start + size) return null;
    if (readU32(bytes, localOffset) !== LOCAL_HEADER_SIG || localOffset >= start) return null;
    const name = nameDecoder.decode(bytes.subarray(nameStart, nameStart + nameLength));
    entries.push({ name, localOffset });
    offset = next;
  }
  return entries;
}

/** Scans back from the end, as the record is followed by a comment of up to 64 KiB. */
function findEndOfCentralDirectory(bytes: Uint8Array): number | null {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let offset = last; offset >= first; offset--) {
    if (readU32(bytes, offset) !== EOCD_SIG) continue;
    const commentLength = readU16(bytes, offset + 20);
    if (commentLength !== null && offset + EOCD_SIZE + commentLength === bytes.length) {
      return offset;
    }
  }
  return null;
}

function isDocx(entries: readonly ZipEntry[]): boolean {
  return (
    entries.some((entry) => entry.name === '[Content_Types].xml') &&
    entries.some((entry) => entry.name.startsWith('word/') && entry.name.length > 'word/'.length)
  );
}

/** The first local entry is `mimetype`, stored, holding exactly the ODT media type. */
function isOdt(bytes: Uint8Array, entries: readonly ZipEntry[]): boolean {
  if (!entries.some((entry) => entry.name === 'mimetype' && entry.localOffset === 0)) return false;
  const method = readU16(bytes, 8);
  const compressedSize = readU32(bytes, 18);
  const size = readU32(bytes, 22);
  const nameLength = readU16(bytes, 26);
  const extraLength = readU16(bytes, 28);
  if (nameLength === null || extraLength === null) return false;
  const name = nameDecoder.decode(
    bytes.subarray(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLength),
  );
  if (name !== 'mimetype' || method !== 0) return false;
  if (compressedSize !== ODT_MEDIA_TYPE.length || size !== ODT_MEDIA_TYPE.length) return false;
  const dataStart = LOCAL_HEADER_SIZE + nameLength + extraLength;
  if (dataStart + size > bytes.length) return false;
  const content = bytes.subarray(dataStart, dataStart + size);
  return [...ODT_MEDIA_TYPE].every((char, i) => content[i] === char.charCodeAt(0));
}
