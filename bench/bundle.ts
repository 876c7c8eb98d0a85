import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readManifest, staticGraph } from '../scripts/web-weight.js';

/**
 * The built web app's weight: every JavaScript and CSS file under `dist`, raw
 * and compressed (gzip and brotli at their highest levels, as a server that
 * precompresses would store them), and the JavaScript the first page loads:
 * the entry script, the modules index.html preloads and, from the build's
 * manifest when it has one, every module the entry imports statically
 * (fetched before the entry runs, whether preloaded or not).
 */
export function bundleSizes(dist: string) {
  const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
  const gzip = (data: Buffer) => zlib.gzipSync(data, { level: 9 }).length;
  const brotli = (data: Buffer) =>
    zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
    }).length;
  let raw = 0;
  let gz = 0;
  let br = 0;
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(dist).filter((f) => /\.(js|mjs|css)$/.test(f))) {
    const data = fs.readFileSync(file);
    raw += data.length;
    gz += gzip(data);
    br += brotli(data);
  }
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const firstRoute = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) firstRoute.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
    firstRoute.add(match[1]!);
  // Everything the entry imports statically, from Vite's manifest when the build has one.
  if (fs.existsSync(path.join(dist, '.vite', 'manifest.json'))) {
    for (const file of staticGraph(readManifest(dist), ['index.html'])) firstRoute.add(`/${file}`);
  }
  let firstRaw = 0;
  let firstGz = 0;
  let firstBr = 0;
  for (const src of firstRoute) {
    const data = fs.readFileSync(path.join(dist, src.replace(/^\//, '')));
    firstRaw += data.length;
    firstGz += gzip(data);
    firstBr += brotli(data);
  }
  if (raw === 0 || firstRoute.size === 0) throw new Error(`no web app in ${dist}`);
  return {
    rawKb: kb(raw),
    gzipKb: kb(gz),
    brotliKb: kb(br),
    firstRouteJsRawKb: kb(firstRaw),
    firstRouteJsGzipKb: kb(firstGz),
    firstRouteJsBrotliKb: kb(firstBr),
  };
}
