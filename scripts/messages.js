// The message catalogue: English (United Kingdom) is written in the source as
// each message's defaultMessage; Welsh is translated in src/i18n/cy/.
//
//   node scripts/messages.js extract   writes src/i18n/en-GB/<namespace>.json from the source
//   node scripts/messages.js check     fails when a catalogue is out of date, a Welsh message is
//                                      missing or extra, or a translation's arguments differ
//
// A namespace is the first part of a message id ("meetings.live.heading" is in meetings.json).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const catalogues = path.join(root, 'src/i18n');
const SOURCE = 'en-GB';
const TRANSLATIONS = ['cy'];
const ID = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_-]+)+$/;

function sourceFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/** Every message the source defines: id -> English text. */
function extracted() {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-messages-')), 'all.json');
  const files = sourceFiles(path.join(root, 'src')).filter((file) =>
    /defaultMessage/.test(fs.readFileSync(file, 'utf8')),
  );
  if (files.length === 0) return {};
  execFileSync(
    path.join(root, 'node_modules/.bin/formatjs'),
    ['extract', ...files, '--out-file', out, '--throws'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const all = JSON.parse(fs.readFileSync(out, 'utf8'));
  const messages = {};
  const problems = [];
  for (const [id, { defaultMessage }] of Object.entries(all)) {
    if (!ID.test(id))
      problems.push(`${id}: an id is "<namespace>.<page>.<what>" in letters and digits`);
    if (typeof defaultMessage !== 'string' || defaultMessage.trim() === '') {
      problems.push(`${id}: has no English text (defaultMessage)`);
    }
    messages[id] = defaultMessage;
  }
  if (problems.length > 0) fail(problems);
  return messages;
}

function byNamespace(messages) {
  const spaces = {};
  for (const id of Object.keys(messages).sort()) {
    const space = id.split('.')[0];
    (spaces[space] ??= {})[id] = messages[id];
  }
  return spaces;
}

function readLocale(locale) {
  const dir = path.join(catalogues, locale);
  const spaces = {};
  if (!fs.existsSync(dir)) return spaces;
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    spaces[name.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  return spaces;
}

function serialise(messages) {
  return `${JSON.stringify(messages, null, 2)}\n`;
}

/** The names of a message's arguments, and whether it parses as ICU MessageFormat. */
function argumentsOf(message) {
  const names = new Set();
  const walk = (elements) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.value);
      if (element.options) for (const option of Object.values(element.options)) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort().join(', ');
}

function fail(problems) {
  console.error(`The message catalogue has ${problems.length} problem(s):`);
  for (const problem of problems.slice(0, 200)) console.error(`  - ${problem}`);
  if (problems.length > 200) console.error(`  … and ${problems.length - 200} more`);
  console.error(
    'Run `npm run i18n:extract` after changing English text, and translate new ids in src/i18n/cy/.',
  );
  process.exit(1);
}

function extract() {
  const spaces = byNamespace(extracted());
  const dir = path.join(catalogues, SOURCE);
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(dir)) {
    if (!(name.replace(/\.json$/, '') in spaces)) fs.rmSync(path.join(dir, name));
  }
  for (const [space, messages] of Object.entries(spaces)) {
    fs.writeFileSync(path.join(dir, `${space}.json`), serialise(messages));
  }
  console.log(
    `Wrote ${Object.values(spaces).reduce((n, m) => n + Object.keys(m).length, 0)} English messages in ${Object.keys(spaces).length} namespaces.`,
  );
}

function check() {
  const problems = [];
  const source = byNamespace(extracted());
  const written = readLocale(SOURCE);
  for (const space of new Set([...Object.keys(source), ...Object.keys(written)])) {
    if (serialise(source[space] ?? {}) !== serialise(written[space] ?? {})) {
      problems.push(
        `src/i18n/${SOURCE}/${space}.json is not what the source says: run npm run i18n:extract`,
      );
    }
  }
  const english = Object.assign({}, ...Object.values(source));
  for (const locale of TRANSLATIONS) {
    const translated = readLocale(locale);
    for (const [space, messages] of Object.entries(translated)) {
      for (const id of Object.keys(messages)) {
        if (!id.startsWith(`${space}.`))
          problems.push(`${locale}/${space}.json: ${id} belongs in another file`);
        if (!(id in english)) problems.push(`${locale}: ${id} is not in the source any more`);
      }
    }
    const all = Object.assign({}, ...Object.values(translated));
    for (const [id, text] of Object.entries(english)) {
      const welsh = all[id];
      if (typeof welsh !== 'string' || welsh.trim() === '') {
        problems.push(`${locale}: ${id} is missing ("${text}")`);
        continue;
      }
      try {
        const want = argumentsOf(text);
        const got = argumentsOf(welsh);
        if (want !== got)
          problems.push(`${locale}: ${id} has arguments {${got}}, English has {${want}}`);
      } catch (error) {
        problems.push(`${locale}: ${id} is not valid ICU MessageFormat: ${error.message}`);
      }
    }
  }
  if (problems.length > 0) fail(problems);
  console.log(
    `Messages: ${Object.keys(english).length} ids, complete in ${[SOURCE, ...TRANSLATIONS].join(' and ')}.`,
  );
}

const command = process.argv[2];
if (command === 'extract') extract();
else if (command === 'check') check();
else {
  console.error('usage: node scripts/messages.js extract|check');
  process.exit(2);
}
