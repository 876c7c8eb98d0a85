import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paperTypeOf } from '../../src/server/modules/meetings/paper-types.ts';

const text = (s: string) => new TextEncoder().encode(s);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

type ZipEntry = { name: string; content: string; deflate?: boolean };

/** A real ZIP archive: local headers, central directory, end record. */
function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = text(entry.name);
    const raw = text(entry.content);
    const data = entry.deflate ? new Uint8Array(deflateRawSync(raw)) : raw;
    const method = entry.deflate ? 8 : 0;
    const crc = crc32(raw);

    const local = new Uint8Array(30 + name.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, method, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, raw.length, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);

    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, method, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, raw.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  return concat(...locals, ...centrals, end);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const PDF = text(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
);

function pngChunk(type: string, data: number[]): Uint8Array {
  const body = concat(text(type), new Uint8Array(data));
  const chunk = new Uint8Array(4 + body.length + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(body, 4);
  view.setUint32(4 + body.length, crc32(body));
  return chunk;
}

const PNG = concat(
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
);

const JPEG = concat(
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  text('JFIF\0'),
  new Uint8Array([1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
);

/** `[Content_Types].xml` naming the package's main part, as Word and Excel write it. */
const contentTypes = (part: string, type: string): ZipEntry => ({
  name: '[Content_Types].xml',
  content:
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Override PartName="${part}" ContentType="${type}"/></Types>`,
  deflate: true,
});
const CONTENT_TYPES = contentTypes(
  '/word/document.xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
);
const DOCX = zip([
  CONTENT_TYPES,
  { name: '_rels/.rels', content: '<Relationships/>', deflate: true },
  { name: 'word/document.xml', content: '<w:document/>', deflate: true },
]);

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const odt = (mimetype: ZipEntry, ...rest: ZipEntry[]) =>
  zip([
    mimetype,
    { name: 'META-INF/manifest.xml', content: '<manifest:manifest/>', deflate: true },
    { name: 'content.xml', content: '<office:document-content/>', deflate: true },
    ...rest,
  ]);
const ODT = odt({ name: 'mimetype', content: ODT_MIMETYPE });

describe('telling a paper’s type from its content', () => {
  it('recognises a PDF, a PNG and a JPEG by their signatures', async () => {
    expect(await paperTypeOf(PDF)).toEqual({
      mediaType: 'application/pdf',
      extension: 'pdf',
      label: 'PDF document',
    });
    expect((await paperTypeOf(PNG))?.extension).toBe('png');
    expect((await paperTypeOf(PNG))?.mediaType).toBe('image/png');
    expect((await paperTypeOf(JPEG))?.extension).toBe('jpg');
    expect((await paperTypeOf(JPEG))?.mediaType).toBe('image/jpeg');
  });

  it('recognises a Word document from the main part its archive names', async () => {
    expect(await paperTypeOf(DOCX)).toEqual({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
      label: 'Word document',
    });
  });

  it('calls a Word document uploaded as minutes.pdf a Word document, as it takes no name', async () => {
    const uploaded = { name: 'minutes.pdf', bytes: DOCX };
    expect((await paperTypeOf(uploaded.bytes))?.extension).toBe('docx');
  });

  it('recognises an OpenDocument text by its mimetype entry', async () => {
    expect(await paperTypeOf(ODT)).toEqual({
      mediaType: ODT_MIMETYPE,
      extension: 'odt',
      label: 'OpenDocument text',
    });
  });

  it('refuses OpenDocument files of other kinds', async () => {
    for (const kind of ['spreadsheet', 'presentation', 'graphics', 'text-template']) {
      const other = odt({
        name: 'mimetype',
        content: `application/vnd.oasis.opendocument.${kind}`,
      });
      expect(await paperTypeOf(other)).toBeNull();
    }
  });

  it('refuses other archives, a spreadsheet and a slide deck among them', async () => {
    const xlsx = zip([
      contentTypes(
        '/xl/workbook.xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      ),
      { name: '_rels/.rels', content: '<Relationships/>' },
      { name: 'xl/workbook.xml', content: '<workbook/>' },
    ]);
    const pptx = zip([
      contentTypes(
        '/ppt/presentation.xml',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      ),
      { name: 'ppt/presentation.xml', content: '<p:presentation/>' },
    ]);
    const wordWithoutContentTypes = zip([{ name: 'word/document.xml', content: '<w:document/>' }]);
    expect(await paperTypeOf(xlsx)).toBeNull();
    expect(await paperTypeOf(pptx)).toBeNull();
    expect(await paperTypeOf(wordWithoutContentTypes)).toBeNull();
    expect(await paperTypeOf(zip([{ name: 'notes.txt', content: 'hello' }]))).toBeNull();
    expect(await paperTypeOf(zip([]))).toBeNull();
  });

  it('refuses a Word document or OpenDocument text cut short before its type shows', async () => {
    const firstEntryEnd = (bytes: Uint8Array) =>
      30 +
      new DataView(bytes.buffer).getUint16(26, true) +
      new DataView(bytes.buffer).getUint32(18, true);
    for (const original of [DOCX, ODT]) {
      for (let length = 0; length < firstEntryEnd(original); length++) {
        expect(await paperTypeOf(original.subarray(0, length))).toBeNull();
      }
    }
  });

  it('refuses empty input, web pages, programs and near misses', async () => {
    expect(await paperTypeOf(new Uint8Array())).toBeNull();
    expect(await paperTypeOf(text('<!DOCTYPE html><html><body>%PDF-1.4</body></html>'))).toBeNull();
    expect(await paperTypeOf(concat(text('MZ'), new Uint8Array(62)))).toBeNull();
    expect(await paperTypeOf(text('%PD'))).toBeNull();
    expect(await paperTypeOf(PNG.subarray(0, 7))).toBeNull();
    expect(await paperTypeOf(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(await paperTypeOf(text('PK\x03\x04'))).toBeNull();
  });

  it('never rejects, whatever the bytes', async () => {
    const zipStart = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        await paperTypeOf(bytes);
        await paperTypeOf(concat(zipStart, bytes));
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (changes) => {
          for (const original of [DOCX, ODT]) {
            const bytes = original.slice();
            for (const [at, value] of changes) bytes[at % bytes.length] = value;
            await paperTypeOf(bytes);
          }
        },
      ),
    );
  });
});
