// The web UI's acceptance journey in real Chromium (Debian's, driven by playwright-core):
// sign in → create a Node project → read its DSN → the official @sentry/node SDK sends an error →
// the issue appears in the list → open it → stack trace and breadcrumb are visible → resolve →
// it leaves the unresolved tab → sign out. A screenshot of every page goes to $SCREENSHOTS_DIR.
//
// Env: FAULTLINE_URL, FAULTLINE_EMAIL, FAULTLINE_PASSWORD, SCREENSHOTS_DIR, NODE_PATH (tools/node_modules),
// optional CHROMIUM (default /usr/bin/chromium).
import { createProject, log, openJourney, reloadUntil, required, runSdkScript, signIn } from './support.mjs';

const email = required('FAULTLINE_EMAIL');
const password = required('FAULTLINE_PASSWORD');
const marker = `m${Date.now().toString(36)}`;
const journey = await openJourney({ shotsDefault: 'screenshots' });
const { page, base } = journey;
const shot = (name) => journey.shot(name);

await journey.run(async () => {
  log(`signing in at ${base}`);
  await signIn(journey, { email, password, beforeSubmit: () => shot('sign-in') });
  await page.locator('.state, .issue-table').first().waitFor();
  await shot('issues-before');

  log('creating a Node project');
  const { slug: projectSlug, dsn } = await createProject(journey, `Journey ${marker}`, {
    beforeCreate: () => shot('project-create'),
  });
  await shot('project-dsn');

  log('sending an error with @sentry/node');
  runSdkScript('send-error.cjs', { FAULTLINE_DSN: dsn, JOURNEY_MARKER: marker });

  log('waiting for the issue in the list');
  const title = `Journey checkout failed ${marker}`;
  const link = page.getByRole('link', { name: new RegExp(title) });
  await reloadUntil(
    journey,
    `${base}/issues?project=${projectSlug}`,
    () => link.first().waitFor({ state: 'visible', timeout: 5_000 }),
    `the issue "${title}" did not appear in the list`,
  );
  await shot('issues-list');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('issues-list-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });

  log('opening the issue');
  await link.click();
  await page.waitForURL(/\/issues\/\d+/);
  const issueUrl = page.url();
  await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
  await page.getByTestId('frame').first().waitFor();
  const frames = await page.getByTestId('frame').allTextContents();
  if (!frames.some((text) => text.includes('checkout') || text.includes('chargeCard'))) {
    throw new Error(`the stack trace does not show the app's frames: ${JSON.stringify(frames)}`);
  }
  await page.getByTestId('breadcrumb').filter({ hasText: 'Journey clicked pay' }).waitFor();
  await page.getByText('Caused by').waitFor();
  await shot('issue-detail');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('issue-detail-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });

  log('resolving it');
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await page.getByRole('button', { name: 'Unresolve' }).waitFor();
  await page.locator('.status-resolved').waitFor();
  await shot('issue-resolved');

  log('checking it left the unresolved tab');
  await page.goto(`${base}/issues?project=${projectSlug}`);
  await page.getByRole('tab', { name: 'Unresolved', exact: true, selected: true }).waitFor();
  // Wait for a loaded answer (the table or the empty state), never the loading state.
  await page.locator('.state-empty, .issue-table').first().waitFor();
  if (await link.isVisible()) {
    throw new Error('the resolved issue is still in the unresolved tab');
  }
  await shot('issues-unresolved-after');
  await page.getByRole('tab', { name: 'Resolved', exact: true }).click();
  await link.waitFor();
  await shot('issues-resolved-tab');

  log('deep link reload and sign out');
  await page.goto(issueUrl);
  await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${base}/projects`);
  await page.waitForURL(/\/login\?next=/);
  await shot('signed-out');
});
