import * as chromeLauncher from 'chrome-launcher';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * How Lighthouse slows the page down to its mobile profile (a mid-range phone
 * on a slow 4G connection):
 * - `simulate`, its default and the figure of record: the page loads at full
 *   speed and Lighthouse works out from that trace how long it would have
 *   taken. Any script that ran before the first paint it saw counts as
 *   holding that paint up; on this machine, where the scripts arrive at once,
 *   that is every script, though they are modules and never block a paint.
 * - `devtools`: Chromium itself delays every request and slows the CPU as the
 *   profile says, and the first paint is the one that happened. Reported
 *   beside the other, to show what a phone on such a connection sees.
 */
export type Throttling = 'simulate' | 'devtools';

/**
 * First contentful paint of `url` on Lighthouse's mobile profile, in
 * milliseconds, once per run, each in a fresh Chromium. `cookie` signs the
 * page's requests in.
 */
export async function fcp(
  url: string,
  cookie: string,
  runs: number,
  throttling: Throttling = 'simulate',
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Lighthouse now and then returns no result from a fresh Chromium: one more try before failing.
    times.push(await retryOnce(() => oneFcp(url, cookie, throttling)));
  }
  return times;
}

async function retryOnce<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch {
    return attempt();
  }
}

/** One first contentful paint of `url`, in a fresh Chromium. */
async function oneFcp(url: string, cookie: string, throttling: Throttling): Promise<number> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-chromium-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    userDataDir: profile,
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyAudits: ['first-contentful-paint'],
      throttlingMethod: throttling,
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    const value = result?.lhr.audits['first-contentful-paint']?.numericValue;
    if (typeof value !== 'number')
      throw new Error(
        `Lighthouse measured no first contentful paint for ${url}: ${result?.lhr.runtimeError?.message ?? 'no result'}`,
      );
    return value;
  } finally {
    await chrome.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
