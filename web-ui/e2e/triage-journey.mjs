// The triage loop in real Chromium (Debian's, driven by playwright-core) against a running
// Faultline: sign in → create a Node project → the official @sentry/node SDK sends five errors
// with different tags → a tag filter picked from the search suggestions finds only the matching
// issue, an unparsable search shows the API's message → bulk-resolve two issues, which leave the
// unresolved list → assign one to the signed-in user, seen in its row and found by `assigned:me`
// → its tags sidebar with a distribution, its events tab searched → a markdown comment, rendered
// in the activity → merge two issues, one remains with the summed count. A screenshot of every
// step goes to $SCREENSHOTS_DIR.
//
// Env: FAULTLINE_URL, FAULTLINE_EMAIL, FAULTLINE_PASSWORD, SCREENSHOTS_DIR, NODE_PATH (tools/node_modules),
// optional CHROMIUM (default /usr/bin/chromium).
import { createProject, log, openJourney, reloadUntil, required, runSdkScript, signIn } from './support.mjs';

const email = required('FAULTLINE_EMAIL');
const password = required('FAULTLINE_PASSWORD');
const marker = `t${Date.now().toString(36)}`;
const journey = await openJourney({ shotsDefault: 'screenshots-triage' });
const { page, base } = journey;
const shot = (name) => journey.shot(name);

const title = (name) => `Triage ${name} ${marker}`;
const ERRORS = [
  { title: title('alpha'), tags: { flavour: 'mint' }, count: 1 },
  { title: title('beta'), tags: { flavour: 'lemon' }, count: 2 },
  { title: title('gamma'), tags: { flavour: 'lemon' }, count: 3 },
  { title: title('delta'), tags: { flavour: 'lemon' }, count: 1 },
  { title: title('epsilon'), tags: { flavour: 'lemon' }, count: 1 },
];

const row = (name) => page.getByTestId('issue-row').filter({ hasText: title(name) });
const search = () => page.getByRole('combobox', { name: 'Search issues' });
const suggestion = (text) =>
  page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: text, exact: true });
const bulk = () => page.getByRole('toolbar', { name: 'Bulk actions' });

/** Waits until the list shows exactly the rows of `names` among this journey's issues. */
async function listShowsOnly(names, timeout = 20_000) {
  await page.waitForFunction(
    ({ marker, wanted }) => {
      const rows = [...document.querySelectorAll('[data-testid="issue-row"]')].filter((r) => r.textContent.includes(marker));
      const shown = rows.map((r) => /Triage (\w+)/.exec(r.textContent)?.[1]).sort();
      return JSON.stringify(shown) === JSON.stringify([...wanted].sort());
    },
    { marker, wanted: names },
    { timeout },
  );
}

/** Waits until the rows of `counts`' names show those event counts. */
async function countsAre(counts, timeout = 20_000) {
  await page.waitForFunction(
    ({ marker, counts }) =>
      Object.entries(counts).every(([name, count]) => {
        const r = [...document.querySelectorAll('[data-testid="issue-row"]')].find((x) =>
          x.textContent.includes(`Triage ${name} ${marker}`),
        );
        return r?.querySelector('[data-testid="issue-count"]')?.textContent === String(count);
      }),
    { marker, counts },
    { timeout },
  );
}

async function submitSearch(query) {
  await search().fill(query);
  await search().press('Enter');
}

await journey.run(async () => {
  log(`signing in at ${base}`);
  await signIn(journey, { email, password });
  const me = await page.evaluate(async () => (await (await fetch('/api/0/auth/session/')).json()).user);
  log(`signed in as user ${me.id}`);

  log('creating a Node project and sending five errors with @sentry/node');
  const { slug, dsn } = await createProject(journey, `Triage ${marker}`);
  runSdkScript('send-errors.cjs', { FAULTLINE_DSN: dsn, JOURNEY_ERRORS: JSON.stringify(ERRORS) });
  const listUrl = `${base}/issues?project=${slug}`;
  await reloadUntil(
    journey,
    listUrl,
    async () => {
      await listShowsOnly(['alpha', 'beta', 'gamma', 'delta', 'epsilon'], 5_000);
      await countsAre(Object.fromEntries(ERRORS.map((e) => [e.title.split(' ')[1], e.count])), 5_000);
    },
    'the five issues with all their events did not appear in the list',
  );
  await shot('triage-list');

  log('searching with a tag filter picked from the suggestions');
  await search().click();
  await search().press('End');
  await search().pressSequentially(' flav');
  await suggestion('flavour:').click();
  await suggestion('mint').waitFor();
  await shot('search-suggestions');
  await suggestion('mint').click();
  await search().press('Enter');
  await page.waitForURL(/[?&]query=[^&]*flavour(%3A|:)mint/);
  await listShowsOnly(['alpha']);
  await shot('search-tag-filter');

  log('a search the API cannot parse shows its message inline');
  await submitSearch('is:unresolved "open');
  await page.getByRole('search').getByRole('alert').filter({ hasText: /position \d+/ }).waitFor();
  await shot('search-error');

  log('the shortcuts help');
  await search().blur();
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await shot('shortcuts-help');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

  log('bulk-resolving two issues');
  await page.goto(listUrl);
  await listShowsOnly(['alpha', 'beta', 'gamma', 'delta', 'epsilon']);
  await row('delta').getByRole('checkbox').check();
  await row('epsilon').getByRole('checkbox').check();
  await bulk().getByText('2 selected').waitFor();
  await shot('bulk-selected');
  await bulk().getByRole('button', { name: 'Resolve', exact: true }).click();
  await listShowsOnly(['alpha', 'beta', 'gamma']);
  await shot('bulk-resolved');
  await page.getByRole('tab', { name: 'Resolved', exact: true }).click();
  await listShowsOnly(['delta', 'epsilon']);
  await shot('resolved-tab');

  log('assigning an issue to the signed-in user');
  await page.goto(listUrl);
  await listShowsOnly(['alpha', 'beta', 'gamma']);
  await row('alpha').getByRole('checkbox').check();
  const assign = bulk().getByRole('combobox', { name: 'Assign selected issues' });
  await assign.locator(`option[value="user:${me.id}"]`).waitFor({ state: 'attached' });
  await assign.selectOption({ value: `user:${me.id}` });
  await page.waitForFunction(
    (name) => {
      const r = [...document.querySelectorAll('[data-testid="issue-row"]')].find((x) => x.textContent.includes(name));
      const who = r?.querySelector('[data-testid="issue-assignee"]')?.textContent;
      return !!who && who !== 'Unassigned';
    },
    title('alpha'),
  );
  await shot('assigned');
  await submitSearch('is:unresolved assigned:me');
  await page.waitForURL(/assigned(%3A|:)me/);
  await listShowsOnly(['alpha']);
  await shot('assigned-me');

  log('commenting in markdown');
  await row('alpha').getByRole('link', { name: new RegExp(title('alpha')) }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(title('alpha')) }).waitFor();
  const tags = page.getByRole('complementary', { name: 'Tag summary' });
  await tags.getByText('mint').first().waitFor();
  await tags.getByRole('button', { name: /flavour/i }).click();
  await tags.getByRole('group', { name: 'flavour over time' }).getByText('mint').waitFor();
  await shot('tags-distribution');

  log('searching the issue\'s events');
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  await page.getByRole('combobox', { name: 'Search events' }).fill('flavour:mint');
  await page.getByRole('combobox', { name: 'Search events' }).press('Enter');
  await page.waitForURL(/tab=events.*query=flavour/);
  await page.getByTestId('event-row').first().waitFor();
  await shot('events-tab');

  await page.getByRole('tab', { name: /Activity/ }).click();
  await page.getByLabel('Add a comment (markdown)').fill('**Root cause**: the `mint` cache expired.\n\n- evicted too early\n\n<b>no raw html</b>');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const comment = page.getByTestId('activity-item').filter({ hasText: 'Root cause' });
  await comment.locator('strong', { hasText: 'Root cause' }).waitFor();
  await comment.locator('code', { hasText: 'mint' }).waitFor();
  await comment.locator('li', { hasText: 'evicted too early' }).waitFor();
  if ((await comment.locator('b').count()) > 0) {
    throw new Error('raw HTML of a comment was rendered');
  }
  await shot('comment');

  log('merging two issues');
  await page.goto(listUrl);
  await listShowsOnly(['alpha', 'beta', 'gamma']);
  await row('beta').getByRole('checkbox').check();
  await row('gamma').getByRole('checkbox').check();
  await bulk().getByRole('button', { name: 'Merge', exact: true }).click();
  await shot('merge-confirm');
  await bulk().getByRole('button', { name: 'Confirm merge' }).click();
  // The parent is the issue with the most events (gamma); its count is the sum.
  await reloadUntil(
    journey,
    listUrl,
    async () => {
      await listShowsOnly(['alpha', 'gamma'], 5_000);
      await countsAre({ gamma: 5 }, 5_000);
    },
    'the merged issue did not show 5 events',
  );
  await shot('merged');
});
