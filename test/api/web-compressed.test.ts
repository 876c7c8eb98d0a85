import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';

/**
 * The built web app is sent precompressed: the build writes a .br and a .gz
 * beside each asset, and the server picks by Accept-Encoding. A built app of
 * our own (one script, one stylesheet) keeps this test apart from the real build.
 */
const SCRIPT = 'assets/index-Ab12Cd34.js';
const STYLES = 'assets/index-Ef56Gh78.css';
const script = Buffer.from(`console.log(${JSON.stringify('Accord '.repeat(500))});\n`);
const styles = Buffer.from('body { margin: 0; }\n'.repeat(200));

let web: string;
let app: TestApp;

function writeAsset(name: string, plain: Buffer) {
  const file = path.join(web, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, plain);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(plain));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(plain));
}

/** A GET whose body comes back exactly as sent (fetch would decompress it). */
function rawGet(
  pathname: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${app.url}${pathname}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  web = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-web-'));
  fs.writeFileSync(
    path.join(web, 'index.html'),
    `<!doctype html><script type="module" src="/${SCRIPT}"></script><div id="root"></div>`,
  );
  writeAsset(SCRIPT, script);
  writeAsset(STYLES, styles);
  app = await startTestApp({ WEB_DIST_DIR: web });
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(web, { recursive: true, force: true });
});

describe('the web app is sent precompressed', () => {
  it('sends brotli to a browser that accepts it, with the script type and immutable caching', async () => {
    const answer = await rawGet(`/${SCRIPT}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(answer.body).equals(script)).toBe(true);
  });

  it('sends gzip when only gzip is accepted', async () => {
    const answer = await rawGet(`/${STYLES}`, { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['content-type']).toMatch(/^text\/css/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(answer.body).equals(styles)).toBe(true);
  });

  it('sends the plain file when no compression is accepted', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const answer = await rawGet(`/${SCRIPT}`, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.body.equals(script)).toBe(true);
    }
  });

  it('answers a page address with index.html, never cached, whatever is accepted', async () => {
    const answer = await rawGet('/groups/some-group', { 'accept-encoding': 'br, gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.body.toString()).toContain(SCRIPT);
  });

  it('sends a compressed copy only in place of its file, never by its own name', async () => {
    for (const suffix of ['.br', '.gz']) {
      const answer = await rawGet(`/${SCRIPT}${suffix}`, { 'accept-encoding': 'br, gzip' });
      expect(answer.status).toBe(404);
    }
  });

  it('answers a missing asset with 404, not the page', async () => {
    const answer = await rawGet('/assets/gone-00000000.js', { 'accept-encoding': 'br' });
    expect(answer.status).toBe(404);
  });
});
