import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** Files worth compressing; images and fonts in their own compressed formats are not. */
const COMPRESSIBLE = /\.(js|css|svg|json|txt|webmanifest)$/;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible
 * file of the build, at the highest settings (built once, sent many times):
 * the server sends whichever the browser accepts (`preCompressed` in
 * src/server/plugins/web.ts) and never compresses on the fly.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'accord-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // Not .vite/manifest.json: it is read by tools, never sent.
      const files = fs
        .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((name) => COMPRESSIBLE.test(name) && !name.startsWith('.'))
        .map((name) => path.join(outDir, name));
      await Promise.all(
        files.map(async (file) => {
          const plain = await fs.promises.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(plain, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
              },
            }),
            gzip(plain, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([
            fs.promises.writeFile(`${file}.br`, br),
            fs.promises.writeFile(`${file}.gz`, gz),
          ]);
        }),
      );
    },
  };
}

/**
 * Puts the stylesheets index.html links ahead of its scripts (Vite writes
 * them last): the page index.html shows until the app is drawn (its header
 * and a loading message) waits on the stylesheet alone, which the browser
 * then asks for first. The scripts never hold up that first paint.
 */
function stylesFirst(): Plugin {
  return {
    name: 'accord-styles-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const styles = html.match(/^\s*<link rel="stylesheet"[^>]*>\n/gm) ?? [];
        if (styles.length === 0) return html;
        let rest = html;
        for (const tag of styles) rest = rest.replace(tag, '');
        const at = rest.search(/^\s*<script type="module"/m);
        if (at < 0) return html;
        return rest.slice(0, at) + styles.join('') + rest.slice(at);
      },
    },
  };
}

/**
 * The Welsh catalogues (src/i18n/cy/*.json) reach the browser already parsed,
 * as react-intl's message syntax trees: the web app ships react-intl without
 * its message parser (about 6.5 KB of the first route, brotli), and no page
 * parses a message while it draws. English is parsed by babel-plugin-formatjs
 * above. A message that fails to parse fails the build.
 */
function compiledCatalogues(): Plugin {
  const catalogue = /[\\/]src[\\/]i18n[\\/][^\\/]+[\\/][^\\/]+\.json$/;
  return {
    name: 'accord-compiled-catalogues',
    enforce: 'pre',
    transform(code, id) {
      if (!catalogue.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const compiled = Object.fromEntries(
        Object.entries(messages).map(([key, text]) => [key, parse(text)]),
      );
      // Still JSON: Vite's own JSON plugin makes it a module after this.
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}

/**
 * The web app lives in src/web and is built to dist/web, which the server
 * serves. The server's CSP allows no inline scripts or styles, so the build
 * must emit every script and stylesheet as a file.
 */
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [
    // Every message's English (its defaultMessage) is parsed here, once, at build time.
    react({ babel: { plugins: [['formatjs', { ast: true }]] } }),
    compiledCatalogues(),
    stylesFirst(),
    precompress(),
  ],
  resolve: {
    alias: [
      // The browser never parses a message (see compiledCatalogues): react-intl without its parser.
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
      },
    ],
  },
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // Never inline assets as data: URIs into CSS or JS; keep everything a plain file.
    assetsInlineLimit: 0,
    sourcemap: false,
    // .vite/manifest.json: which files each entry and lazy page needs (the size test reads it).
    manifest: true,
    rollupOptions: {
      output: {
        // Libraries change far less often than the app: their own files stay cached longer.
        manualChunks(id) {
          if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
          if (/node_modules[\\/]zod[\\/]/.test(id)) return 'zod';
          if (/node_modules[\\/]@tanstack[\\/]/.test(id)) return 'tanstack';
          if (/node_modules[\\/](react-intl|@formatjs|intl-messageformat)[\\/]/.test(id)) {
            return 'intl';
          }
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev` serves the API on 3000; the Vite dev server forwards to it.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
