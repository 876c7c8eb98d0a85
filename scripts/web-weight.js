// The weight of the built web app (dist/web), from Vite's manifest: every file
// raw, gzip and brotli, and the JavaScript the sign-in page needs before it can
// show (the entry, the sign-in page's own chunk, and everything they import).
//
//   node scripts/web-weight.js [DIST_DIR]     a table, and the sign-in page's total
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

export const SIGN_IN_PAGE = 'features/accounts/SignInPage.tsx';

/** The file's size, and its size compressed as the server sends it (the build's .gz and .br). */
export function fileWeight(distDir, file) {
  const plain = fs.readFileSync(path.join(distDir, file));
  const compressed = (suffix, compress) => {
    const beside = path.join(distDir, file + suffix);
    return fs.existsSync(beside) ? fs.statSync(beside).size : compress(plain).length;
  };
  return {
    file,
    raw: plain.length,
    gzip: compressed('.gz', (b) => zlib.gzipSync(b, { level: 9 })),
    br: compressed('.br', (b) =>
      zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    ),
  };
}

export function readManifest(distDir) {
  return JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'));
}

/** The JavaScript files a browser must fetch before `keys` can run: them and their static imports. */
export function staticGraph(manifest, keys) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

/** What the sign-in page needs: each JavaScript file with its weight, and the totals. */
export function signInWeight(distDir) {
  const manifest = readManifest(distDir);
  const files = staticGraph(manifest, ['index.html', SIGN_IN_PAGE]).map((file) =>
    fileWeight(distDir, file),
  );
  const total = { raw: 0, gzip: 0, br: 0 };
  for (const f of files) for (const key of Object.keys(total)) total[key] += f[key];
  return { files, total };
}

function kb(bytes) {
  return (bytes / 1024).toFixed(1).padStart(8);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const distDir = path.resolve(process.argv[2] ?? 'dist/web');
  const all = fs
    .readdirSync(path.join(distDir, 'assets'))
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => fileWeight(distDir, `assets/${name}`))
    .sort((a, b) => b.raw - a.raw);
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  console.log(`${'file'.padEnd(44)}      raw KB  gzip KB    br KB`);
  for (const f of all) console.log(`${f.file.padEnd(44)}${kb(f.raw)} ${kb(f.gzip)} ${kb(f.br)}`);
  console.log(
    `${'all JavaScript and CSS'.padEnd(44)}${kb(sum(all, 'raw'))} ${kb(sum(all, 'gzip'))} ${kb(sum(all, 'br'))}`,
  );
  const signIn = signInWeight(distDir);
  console.log(`\nthe sign-in page's JavaScript (${signIn.files.length} files):`);
  for (const f of signIn.files)
    console.log(`  ${f.file.padEnd(42)}${kb(f.raw)} ${kb(f.gzip)} ${kb(f.br)}`);
  const t = signIn.total;
  console.log(`  ${'total'.padEnd(42)}${kb(t.raw)} ${kb(t.gzip)} ${kb(t.br)}`);
}
