// What the browser journeys share: Chromium through playwright-core, numbered full-page
// screenshots, a log of what the page reported, signing in, creating a project and sending
// errors with the official @sentry/node SDK.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const here = dirname(fileURLToPath(import.meta.url));

export function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`journey: $${name} is required`);
    process.exit(2);
  }
  return value;
}

export function log(message) {
  console.log(`journey [${new Date().toISOString()}] ${message}`);
}

/** Opens Chromium and a page; `run(journey)` runs the steps, reports and closes. */
export async function openJourney({ shotsDefault }) {
  const base = required('FAULTLINE_URL').replace(/\/$/, '');
  const shots = process.env.SCREENSHOTS_DIR ?? join(here, shotsDefault);
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  // The server's Content-Security-Policy must hold for the whole journey: every page load
  // carries it, and nothing the UI does is refused by it.
  const cspViolations = [];
  const documentsWithoutCsp = [];
  await context.exposeBinding('reportCspViolation', (_source, violation) => cspViolations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'document' && response.status() < 300) {
      const csp = await response.headerValue('content-security-policy');
      if (!csp || !csp.includes("frame-ancestors 'none'")) {
        documentsWithoutCsp.push(response.url());
      }
    }
  });
  let step = 0;
  const journey = {
    base,
    context,
    page,
    problems,
    async shot(name) {
      step += 1;
      const file = join(shots, `${String(step).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      log(`screenshot ${file}`);
    },
    async run(steps) {
      try {
        await steps();
        if (cspViolations.length > 0) {
          throw new Error(`Content-Security-Policy violations:\n  ${cspViolations.join('\n  ')}`);
        }
        if (documentsWithoutCsp.length > 0) {
          throw new Error(`pages served without a Content-Security-Policy: ${documentsWithoutCsp.join(', ')}`);
        }
        // The session probe before signing in answers 401 by design; everything else is worth a look.
        const serious = problems.filter((p) => !p.includes('401') && !p.startsWith('console error: Failed to load resource'));
        if (serious.length > 0) {
          log(`browser reported:\n  ${serious.join('\n  ')}`);
        }
        log('journey passed');
      } catch (error) {
        console.error(`journey FAILED at ${page.url()}: ${error.stack ?? error}`);
        if (problems.length > 0) {
          console.error(`browser reported:\n  ${problems.join('\n  ')}`);
        }
        await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
        process.exitCode = 1;
      } finally {
        await browser.close();
      }
    },
  };
  return journey;
}

/** Signs in through the login page, starting from a page that needs a session. */
export async function signIn(journey, { email, password, beforeSubmit }) {
  const { page, base } = journey;
  await page.goto(`${base}/issues`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('Email').waitFor();
  await beforeSubmit?.();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/issues$/);
  await page.getByRole('heading', { name: 'Issues', exact: true }).waitFor();
}

/** Creates a Node project on the projects page; answers its slug and DSN. */
export async function createProject(journey, name, { beforeCreate } = {}) {
  const { page } = journey;
  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('button', { name: 'Create project', exact: true }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Platform').selectOption('node');
  await beforeCreate?.();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  const slug = new URL(page.url()).pathname.split('/').pop();
  const dsn = (await page.getByTestId('dsn').textContent()).trim();
  await page.getByTestId('snippet').getByText('@sentry/node').waitFor();
  log(`project ${slug}, DSN ${dsn.replace(/\/\/[^@]+@/, '//<key>@')}`);
  if (!/^https?:\/\/[0-9a-f]+@/.test(dsn)) {
    throw new Error(`the page does not show a DSN: "${dsn}"`);
  }
  return { slug, dsn };
}

/** Runs one of the SDK scripts beside this file with extra environment (and a working directory). */
export function runSdkScript(script, env, { cwd } = {}) {
  const sent = spawnSync(process.execPath, [join(here, script)], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (sent.status !== 0) {
    throw new Error(`the SDK script ${script} failed (${sent.status}): ${sent.stdout}${sent.stderr}`);
  }
}

/**
 * Processing is asynchronous: reloads `url` until `ready()` resolves. Each look waits for the
 * page to finish loading (a check right after a reload would only ever see the loading state).
 */
export async function reloadUntil(journey, url, ready, what, timeoutMs = 60_000) {
  const { page } = journey;
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await ready();
      return;
    } catch (notYet) {
      if (Date.now() > deadline) {
        throw new Error(`${what} within ${timeoutMs / 1000} s: ${notYet.message}`);
      }
      await page.reload();
    }
  }
}
