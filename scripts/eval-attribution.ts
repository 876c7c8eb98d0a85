// How well the Chatham House attribution check (src/policy/attribution) finds
// sentences that tie a view to a person, measured on the labelled corpus in
// corpus/attribution (see its README: tuning reads dev.jsonl only; the other
// sets are for reporting).
//
//   npm run eval:attribution [-- --set dev|dev2|dev3|dev4|heldback|later|later2|later3|later4] [--styles] [--misses N] [--json]
//
// For each set: how many sentences of each label the check flagged, precision
// and recall for "attributes a view", and recall with "may attribute"
// included; with --styles, the same by style; with --misses N, up to N
// sentences it got wrong (dev and dev2 only: the held-back sets are not for reading).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  attributionPerson,
  checkAttribution,
  type AttributionOptions,
} from '../src/policy/attribution/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'corpus', 'attribution');
const SETS = [
  'dev',
  'dev2',
  'dev3',
  'dev4',
  'heldback',
  'later',
  'later2',
  'later3',
  'later4',
] as const;

type Label = 'attributes' | 'may' | 'none';
type Person = {
  name: string;
  knownAs: string | null;
  role: string;
  jobTitle: string | null;
  organisation: string | null;
};
type Group = { id: string; name: string; people: Person[] };
type Item = {
  id: string;
  group: string;
  paragraph: string[];
  text: string;
  label: Label;
  style: string;
};

/**
 * The working group each lead runs: not a field in groups.json (its README
 * has the table); the server knows it as the working groups they chair.
 */
const LEADS: Record<string, string> = {
  'Jamal Hussain': 'crisis care working group',
  'Samantha Kerr': 'EHCP working group',
  'Aled Roberts': 'damp and mould working group',
  'Ellie-Mae Robinson': 'school transitions working group',
  'Shirley Wong': 'dementia-friendly shops working group',
  'Yusuf Ali': 'online access working group',
};

/** What the server gives the check about a group: its people, as notes.service.ts builds them. */
export function optionsFor(group: Group): AttributionOptions {
  return {
    people: group.people.map((p) =>
      attributionPerson(p.name, p.knownAs ? [p.knownAs] : [], {
        // Accord's group roles: chair, note-taker, everyone else a member.
        role: p.role === 'chair' || p.role === 'note-taker' ? p.role : 'member',
        jobTitle: p.jobTitle,
        organisation: p.organisation,
        leads: LEADS[p.name] ? [LEADS[p.name]!] : [],
      }),
    ),
  };
}

/** The level the check gives the item's own sentence (not the sentences before it). */
export function levelOf(item: Item, options: AttributionOptions): Label {
  const before = item.paragraph.join(' ');
  const text = before ? `${before} ${item.text}` : item.text;
  const from = text.length - item.text.length;
  let level: Label = 'none';
  for (const flag of checkAttribution(text, options)) {
    if (flag.end <= from) continue;
    const found = ((flag as { level?: Label }).level ?? 'attributes') as Label;
    if (found === 'attributes') return 'attributes';
    level = 'may';
  }
  return level;
}

function readSet(name: string): Item[] | null {
  const file = path.join(CORPUS, `${name}.jsonl`);
  if (!fs.existsSync(file)) return null;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Item);
}

type Tally = Record<Label, Record<Label, number>>;
const emptyTally = (): Tally => ({
  attributes: { attributes: 0, may: 0, none: 0 },
  may: { attributes: 0, may: 0, none: 0 },
  none: { attributes: 0, may: 0, none: 0 },
});

function scores(t: Tally) {
  const flaggedAttr = t.attributes.attributes + t.may.attributes + t.none.attributes;
  const labelledAttr = t.attributes.attributes + t.attributes.may + t.attributes.none;
  const ratio = (a: number, b: number) => (b === 0 ? null : Number((a / b).toFixed(3)));
  return {
    precision: ratio(t.attributes.attributes, flaggedAttr),
    recall: ratio(t.attributes.attributes, labelledAttr),
    recallWithMay: ratio(t.attributes.attributes + t.attributes.may, labelledAttr),
    mayFlagged: ratio(t.may.attributes + t.may.may, t.may.attributes + t.may.may + t.may.none),
    falseAlarms: ratio(
      t.none.attributes + t.none.may,
      t.none.attributes + t.none.may + t.none.none,
    ),
  };
}

function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
  const byStyle = args.includes('--styles');
  const misses = args.includes('--misses') ? Number(args[args.indexOf('--misses') + 1]) : 0;
  const json = args.includes('--json');
  const groups = new Map(
    (JSON.parse(fs.readFileSync(path.join(CORPUS, 'groups.json'), 'utf8')) as Group[]).map((g) => [
      g.id,
      g,
    ]),
  );
  const options = new Map([...groups].map(([id, g]) => [id, optionsFor(g)]));
  const report: Record<string, unknown> = {};
  for (const set of SETS) {
    if (only && set !== only) continue;
    const items = readSet(set);
    if (!items) continue;
    const tally = emptyTally();
    const styles = new Map<string, Tally>();
    const wrong: string[] = [];
    for (const item of items) {
      const found = levelOf(item, options.get(item.group)!);
      tally[item.label][found]++;
      const key = `${item.label} ${item.style}`;
      if (!styles.has(key)) styles.set(key, emptyTally());
      styles.get(key)![item.label][found]++;
      const miss =
        (item.label === 'attributes' && found !== 'attributes') ||
        (item.label === 'none' && found !== 'none');
      if (miss) wrong.push(`${item.id} [${item.label}/${item.style} → ${found}] ${item.text}`);
    }
    report[set] = { items: items.length, ...scores(tally), tally };
    if (json) continue;
    const s = scores(tally);
    console.log(`\n${set}: ${items.length} sentences`);
    console.log(
      `  attributes a view: precision ${s.precision}, recall ${s.recall}; with "may": recall ${s.recallWithMay}`,
    );
    console.log(
      `  "may" sentences flagged: ${s.mayFlagged}; false alarms on "none": ${s.falseAlarms}`,
    );
    for (const label of ['attributes', 'may', 'none'] as const) {
      const row = tally[label];
      console.log(
        `  labelled ${label.padEnd(10)} → flagged attributes ${row.attributes}, may ${row.may}, none ${row.none}`,
      );
    }
    if (byStyle) {
      for (const [key, t] of [...styles].sort()) {
        const [label] = key.split(' ') as [Label];
        const row = t[label];
        const n = row.attributes + row.may + row.none;
        console.log(
          `    ${key.padEnd(32)} ${String(n).padStart(4)}  → attributes ${row.attributes}, may ${row.may}, none ${row.none}`,
        );
      }
    }
    if (misses > 0 && set.startsWith('dev'))
      for (const line of wrong.slice(0, misses)) console.log(`  ${line}`);
  }
  if (json) console.log(JSON.stringify(report, null, 2));
}

if (process.argv[1]?.endsWith('eval-attribution.ts')) main();
