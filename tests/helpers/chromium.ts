/**
 * Headless Chromium for rendered-HTML tests, using Debian's /usr/bin/chromium through playwright-core
 * (there is no internet here, so Playwright's own browser download is not an option).
 *
 *   await withChromium(async (browser) => {
 *     const page = await browser.newPage();
 *     await page.setContent(html);
 *     await page.screenshot({ path: artifactPath('receipt.png') });
 *   });
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

/** Screenshots and other test output (git-ignored). Use artifactPath() to have it created. */
export const artifactsDir = join(projectRoot, 'test-artifacts');

/** A path inside artifactsDir; creates the directories it needs. */
export function artifactPath(...parts: string[]): string {
  const p = join(artifactsDir, ...parts);
  mkdirSync(dirname(p), { recursive: true });
  return p;
}

const ARGS = [
  // needed as root, and in containers without user namespaces
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium keeps trying to reach Google services, and the closed network refuses it.
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Debian's launcher adds this only when /dev/shm is small, and its check breaks when findmnt prints
  // two lines (it did here: "[: ...: unexpected operator"); a small /dev/shm (Docker: 64 MB) crashes tabs.
  '--disable-dev-shm-usage',
];

/**
 * Launches a fresh headless Chromium, runs fn, and always closes the browser.
 * The profile is new every time: Playwright's launch() creates an empty --user-data-dir in the temp dir
 * and deletes it on close (it refuses an explicit --user-data-dir in args for launch()).
 */
export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  ensureChromium();
  mkdirSync(artifactsDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const r = spawnSync('bash', [join(projectRoot, 'scripts', 'ensure-system-deps.sh'), 'chromium'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0 || !existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed (scripts/ensure-system-deps.sh chromium failed)`);
}
