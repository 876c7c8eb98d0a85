import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/policy/markdown.ts';
import { createGroup, type TestApp } from '../test/harness.ts';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_ELEMENTS,
  FEATURES,
  SAFE_HREF,
  XSS,
} from '../test/policy/markdown-corpus.ts';
import { checkPage, newPerson, signIn, startJourney, stopJourney } from './support/browser.ts';

/**
 * The Markdown renderer on both sides: in Node, as the server runs it, and
 * bundled by Vite for the browser, as the web app runs it, in Chromium. Both
 * must give the same bytes for every feature and every attempt at script, and
 * the browser's own parse of that HTML must hold nothing outside the allowlist.
 */

let profile: string;
let context: BrowserContext;
let page: Page;

/** The renderer as the browser gets it: src/policy/markdown.ts built by Vite. */
async function bundleRenderer(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: path.resolve('src/policy/markdown.ts'),
        name: 'AccordMarkdown',
        formats: ['iife'],
        fileName: () => 'markdown.js',
      },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const chunk = results
    .flatMap((r) => r.output)
    .find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error('Vite produced no bundle of the renderer');
  return chunk.code;
}

beforeAll(async () => {
  const code = await bundleRenderer();
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-markdown-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  page = await context.newPage();
  await page.setContent('<!doctype html><html lang="en"><head></head><body></body></html>');
  await page.addScriptTag({ content: code });
  expect(await page.evaluate(() => typeof (window as any).AccordMarkdown?.renderMarkdown)).toBe(
    'function',
  );
});

afterAll(async () => {
  await context?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

type InBrowser = { html: string; problems: string[] };

/** Renders each text in the page, and reads what the browser makes of the HTML. */
function renderInBrowser(sources: string[]): Promise<InBrowser[]> {
  return page.evaluate(
    ({ sources, elements, attributes, safeHref }) => {
      const safe = new RegExp(safeHref, 'i');
      const render = (window as any).AccordMarkdown.renderMarkdown as (s: string) => string;
      return sources.map((source) => {
        const html = render(source);
        const template = document.createElement('template');
        template.innerHTML = html;
        const problems: string[] = [];
        for (const element of template.content.querySelectorAll('*')) {
          const name = element.localName;
          if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !elements.includes(name))
            problems.push(`element ${name}`);
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) problems.push(`handler ${attribute.name} on ${name}`);
            if (!(attributes[name] ?? []).includes(attribute.name))
              problems.push(`attribute ${attribute.name} on ${name}`);
          }
          if (name === 'a') {
            const href = element.getAttribute('href') ?? '';
            if (!safe.test(href)) problems.push(`link to ${href}`);
            // What the browser would actually follow.
            const followed = (element as HTMLAnchorElement).protocol;
            if (!['http:', 'https:', 'mailto:'].includes(followed))
              problems.push(`link with protocol ${followed}`);
          }
        }
        return { html, problems };
      });
    },
    {
      sources,
      elements: ALLOWED_ELEMENTS,
      attributes: ALLOWED_ATTRIBUTES,
      safeHref: SAFE_HREF.source,
    },
  );
}

describe('Markdown renders the same, and safely, on the server and in the browser', () => {
  it('every Markdown feature', async () => {
    const inBrowser = await renderInBrowser(FEATURES.map((f) => f.source));
    FEATURES.forEach((feature, i) => {
      const server = renderMarkdown(feature.source);
      expect(server, feature.name).toBe(feature.html);
      expect(inBrowser[i]?.html, feature.name).toBe(server);
      expect(inBrowser[i]?.problems, feature.name).toEqual([]);
    });
  });

  it('every attempt at script in the corpus', async () => {
    expect(XSS.length).toBeGreaterThanOrEqual(40);
    const inBrowser = await renderInBrowser(XSS);
    XSS.forEach((source, i) => {
      const server = renderMarkdown(source);
      expect(inBrowser[i]?.html, source).toBe(server);
      expect(inBrowser[i]?.problems, `${source} → ${server}`).toEqual([]);
    });
  });

  it('all of it at once, as one long text', async () => {
    const all = [...FEATURES.map((f) => f.source), ...XSS].join('\n\n');
    const [inBrowser] = await renderInBrowser([all]);
    expect(inBrowser?.html).toBe(renderMarkdown(all));
    expect(inBrowser?.problems).toEqual([]);
  });

  it('nothing ran: no dialog opened and no script was added to the page', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.evaluate((sources) => {
      const render = (window as any).AccordMarkdown.renderMarkdown as (s: string) => string;
      for (const source of sources) {
        const div = document.createElement('div');
        div.innerHTML = render(source);
        document.body.append(div);
      }
    }, XSS);
    // Give any handler that could fire (onload, onerror, autofocus) its chance.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
    );
    expect(dialogs).toEqual([]);
    expect(
      await page.evaluate(
        () => document.querySelectorAll('body script, body img, body svg, body iframe').length,
      ),
    ).toBe(0);
  });
});

describe('the web app shows Markdown through the same renderer', () => {
  let app: TestApp | undefined;
  let browser: Awaited<ReturnType<typeof startJourney>>['browser'] | undefined;
  beforeAll(async () => ({ app, browser } = await startJourney()));
  afterAll(() => stopJourney(app, browser));

  it('an adopted ToR on its page is the HTML the server renders from its Markdown', async () => {
    const chairApi = app!.client();
    const chair = await chairApi.register('Morgan Markdown');
    const groupId = await createGroup(chairApi, 'Carers steering group');
    await chairApi.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'template' });
    const adopted = await chairApi.post(`/api/v1/groups/${groupId}/terms/draft/adopt`, {
      adoptedOn: new Date().toISOString().slice(0, 10),
    });
    expect(adopted.status, adopted.text).toBe(200);
    const version = (await chairApi.get(`/api/v1/groups/${groupId}/terms/versions/1`)).body;
    expect(typeof version.markdown).toBe('string');

    const { page, blocked } = await newPerson(browser!, app!.url);
    await signIn(page, chair);
    await page.goto(`/groups/${groupId}/terms`);
    await checkPage(page, 'Terms of Reference');
    const article = page.getByRole('article', { name: 'Terms of Reference, version 1' });
    await article.getByRole('heading', { level: 2 }).first().waitFor();
    // The page's DOM against the server's HTML, both as the browser serialises them.
    const [shown, fromServer] = await article
      .locator(':scope > .markdown')
      .evaluate((div, html) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        return [div.innerHTML, template.innerHTML];
      }, renderMarkdown(version.markdown));
    expect(shown).toBe(fromServer);
    expect(shown).toContain('<h2>');
    expect(blocked).toEqual([]);
  });
});
