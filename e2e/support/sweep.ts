/**
 * The page sweep: opens a page state in one language, waits for it to settle,
 * and collects everything wrong with it (title, axe, width, console, requests)
 * instead of stopping at the first problem, so one run lists them all.
 */
import { randomUUID } from 'node:crypto';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { SeriousViolation } from './browser.ts';

export type Language = 'en-GB' | 'cy';
export const LANGUAGES: readonly Language[] = ['en-GB', 'cy'];

/** One state of one page, as a given role reaches it. */
export type PageState = {
  /** A short name for the report, such as "meeting (running)". */
  name: string;
  /** Where to go; the page is loaded afresh. */
  path: string;
  /** What to do once the page has loaded, to reach the state (open a dialog, a step). */
  then?: (page: Page) => Promise<void>;
  /**
   * The role should not reach this page: it must answer exactly as the same
   * page for something that does not exist (its ids replaced by new ones; an
   * address with no id, as an address that does not exist). The API's 404
   * behind it is expected.
   */
  notFound?: boolean;
};

export type Failure = {
  state: string;
  role: string;
  language: Language;
  kind: 'load' | 'title' | 'axe' | 'width' | 'console' | 'request' | 'not found';
  detail: string;
};

/** A signed-in (or signed-out) person's browser, listening for console errors and failed requests. */
export type Visitor = {
  role: string;
  page: Page;
  /** What went wrong in the console or the network since the last state. */
  noise: { kind: 'console' | 'request'; text: string }[];
};

export function watch(role: string, page: Page): Visitor {
  const visitor: Visitor = { role, page, noise: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      visitor.noise.push({
        kind: 'console',
        text: `${message.text()}${where ? ` (${new URL(where).pathname})` : ''}`,
      });
    }
  });
  page.on('pageerror', (error) =>
    visitor.noise.push({ kind: 'console', text: `page error: ${error.message}` }),
  );
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Leaving a page aborts what it was still fetching; that is not a failure.
    if (reason === 'net::ERR_ABORTED') return;
    visitor.noise.push({
      kind: 'request',
      text: `${request.method()} ${new URL(request.url()).pathname}: ${reason}`,
    });
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      visitor.noise.push({
        kind: 'request',
        text: `${response.request().method()} ${new URL(response.url()).pathname}: ${response.status()}`,
      });
    }
  });
  return visitor;
}

/** Chooses the language this browser shows from its next page on, as the language switch would. */
export async function chooseLanguage(context: BrowserContext, language: Language) {
  await context.addInitScript((chosen) => {
    window.localStorage.setItem('accord.language', chosen);
  }, language);
}

/**
 * Goes to `path` as a link in the app would, without loading the app again
 * (the router follows the History API), and marks the page being left so
 * that `settled` waits for the new one. The same address again, or the first
 * page of a visit, is loaded afresh; so are a hidden page and its missing
 * twin, which may be the very same component (and h1) as the page before.
 */
async function open(page: Page, path: string, fresh = false) {
  if (fresh) {
    await page.goto(path);
    return;
  }
  const here = await page.evaluate(() =>
    document.querySelector('h1') ? location.pathname + location.search + location.hash : null,
  );
  const target = new URL(path, 'http://x');
  // On the same path React keeps the page's h1 element, so the mark would stay.
  if (here === null || new URL(here, 'http://x').pathname === target.pathname) {
    await page.goto(path);
    return;
  }
  await page.evaluate((to) => {
    document.querySelector('h1')?.setAttribute('data-left', '');
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

/**
 * axe's serious and critical violations, as `seriousViolations` finds them,
 * but with axe put into the page once per load rather than once per check:
 * the sweep opens hundreds of states without reloading the app.
 */
async function seriousViolationsHere(page: Page): Promise<SeriousViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        where: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

/** Waits until the page shows its h1 in `language` and nothing is still loading. */
async function settled(page: Page, language: Language) {
  await page.waitForFunction(
    (lang) =>
      document.documentElement.lang === lang &&
      document.querySelector('h1:not([data-left])') !== null &&
      document.querySelector('.loading') === null,
    language,
    { timeout: 15_000 },
  );
}

const h1 = (page: Page) =>
  page.evaluate(() => document.querySelector('h1:not([data-left])')?.textContent?.trim() ?? '');

/** Opens `state` and returns everything wrong with it. */
/** The same page for something that does not exist. */
export function missingTwin(path: string): string {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  return uuid.test(path) ? path.replace(uuid, () => randomUUID()) : '/no-such-page';
}

export async function visit(
  visitor: Visitor,
  state: PageState,
  language: Language,
): Promise<Failure[]> {
  const { page, role } = visitor;
  const failures: Failure[] = [];
  const fail = (kind: Failure['kind'], detail: string) =>
    failures.push({ state: `${state.name} ${state.path}`, role, language, kind, detail });
  visitor.noise.length = 0;
  const timing: Record<string, number> = {};
  let at = Date.now();
  const lap = (what: string) => {
    timing[what] = Date.now() - at;
    at = Date.now();
  };
  let missing: string | null = null;
  try {
    if (state.notFound) {
      await open(page, missingTwin(state.path), true);
      await settled(page, language);
      missing = await h1(page);
    }
    await open(page, state.path, state.notFound);
    await settled(page, language);
    lap('load');
    if (state.then) {
      await state.then(page);
      await settled(page, language);
      lap('then');
    }
  } catch (error) {
    fail('load', (error as Error).message.split('\n')[0] ?? String(error));
    return failures;
  }

  const heading = await h1(page);
  if (missing !== null && heading !== missing) {
    fail('not found', `shows “${heading}”, where something missing shows “${missing}”`);
  }
  const wanted = `${heading} – Accord`;
  const title = await page
    .waitForFunction((w) => document.title === w, wanted, { timeout: 2_000 })
    .then(() => wanted)
    .catch(() => page.title());
  if (title !== wanted) fail('title', `title “${title}”, h1 “${heading}”`);
  lap('title');

  for (const v of await seriousViolationsHere(page)) {
    fail('axe', `${v.impact} ${v.rule} (${v.help}): ${v.where.join(', ')}`);
  }
  lap('axe');
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    // The widest things poking out on the right, to say what to fix.
    culprits: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter(
        (e) =>
          !e.parentElement ||
          e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
      )
      .slice(0, 5)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const name =
          e.tagName.toLowerCase() +
          (e.id ? `#${e.id}` : '') +
          (e.className && typeof e.className === 'string'
            ? `.${e.className.trim().split(/\s+/).join('.')}`
            : '');
        return `${name} (${Math.round(r.width)} px wide, right edge ${Math.round(r.right)})`;
      }),
  }));
  if (width.scroll > width.client) {
    fail('width', `${width.scroll} px wide in ${width.client} px: ${width.culprits.join('; ')}`);
  }

  for (const { kind, text } of visitor.noise) {
    // Behind a page the role may not see, the API's 404 is the answer it should get.
    if (state.notFound && / 404\b|status of 404/.test(text)) continue;
    fail(kind, text);
  }
  lap('width');
  if (process.env.SWEEP_LOG)
    console.log(`${role} ${language} ${state.name}: ${JSON.stringify(timing)}`);
  return failures;
}

/** The whole list, grouped by page state, as a failing test prints it. */
export function describeFailures(failures: Failure[]): string {
  const byState = new Map<string, Failure[]>();
  for (const f of failures) {
    const list = byState.get(f.state) ?? [];
    list.push(f);
    byState.set(f.state, list);
  }
  const lines: string[] = [];
  for (const [state, list] of byState) {
    lines.push(state);
    const seen = new Set<string>();
    for (const f of list) {
      const line = `  [${f.kind}] ${f.detail}`;
      const who = list
        .filter((g) => `  [${g.kind}] ${g.detail}` === line)
        .map((g) => `${g.role}/${g.language}`);
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(`${line}  — ${[...new Set(who)].join(', ')}`);
    }
  }
  return lines.join('\n');
}
