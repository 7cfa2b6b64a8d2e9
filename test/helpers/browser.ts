/** Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, and axe-core checks. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD, totpCode } from '../http/accounts-support.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Run axe-core on the page; returns serious and critical violations (the ones that fail a test). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy does not block it.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  })) as { violations: AxeViolation[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
}

/**
 * Sign in through the pages as a person would: e-mail and password, then the second factor's code
 * (users made with `makeUser(server, { totp: true })`); resolves once the browser has left sign-in.
 */
export async function signInWithTotp(page: Page, baseUrl: string, user: { email: string; secret: string | null }, password: string = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/en/sign-in`);
  await page.fill('#f-email', user.email);
  await page.fill('#f-password', password);
  await Promise.all([page.waitForURL('**/sign-in/second-factor'), page.click('form.account-form button[type=submit]')]);
  await page.fill('#f-code', totpCode(user.secret!));
  await Promise.all([page.waitForURL((u) => !u.pathname.includes('sign-in')), page.click('form.account-form button[type=submit]')]);
}
