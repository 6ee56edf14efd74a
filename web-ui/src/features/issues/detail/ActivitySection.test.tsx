import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import type { Activity } from '../../../api/models';
import { json, mockApi, renderAt } from '../../../test/render';
import { ActivitySection } from './ActivitySection';

afterEach(() => vi.unstubAllGlobals());

const ME = { id: '3', email: 'ada@example.com', name: 'Ada' };
const OTHER = { id: '4', email: 'bob@example.com', name: 'Bob' };
const when = new Date().toISOString();

function api(activity: Activity[]) {
  let items = activity;
  const calls = mockApi({
    'GET /api/0/auth/session/': { user: ME },
    'GET /api/0/organizations/': [{ id: '1', slug: 'faultline', name: 'Faultline' }],
    'GET /api/0/organizations/faultline/members/': [{ id: '4', email: OTHER.email, name: 'Bob', user: OTHER }],
    'GET /api/0/organizations/faultline/teams/': [{ id: '2', slug: 'backend', name: 'Backend' }],
    'GET /api/0/issues/7/activities/': () => json({ activity: items }),
    'POST /api/0/issues/7/comments/': (_url: URL, init: RequestInit) => {
      const note = { id: '99', type: 'note', data: JSON.parse(String(init.body)), dateCreated: when, user: ME };
      items = [note, ...items];
      return json(note, 201);
    },
    'PUT /api/0/issues/7/comments/10/': (_url: URL, init: RequestInit) => {
      items = items.map((item) => (item.id === '10' ? { ...item, data: JSON.parse(String(init.body)) } : item));
      return json(items[0]);
    },
    'DELETE /api/0/issues/7/comments/10/': () => {
      items = items.filter((item) => item.id !== '10');
      return json(undefined, 204);
    },
  });
  renderAt('/', '/', <ActivitySection issueId="7" />);
  return calls;
}

test('comments render markdown but never raw HTML, scripts or javascript: links', async () => {
  api([
    {
      id: '10',
      type: 'note',
      data: {
        text: '**bold** and `code`\n\n<script>window.pwned = true</script><img src=x onerror="window.pwned=true">\n\n[click](javascript:alert(1)) [docs](https://example.com/docs)\n\n<b>raw bold</b>',
      },
      dateCreated: when,
      user: OTHER,
    },
  ]);
  const item = await screen.findByTestId('activity-item');
  // The renderer loads lazily; until then the text is shown as plain text.
  expect((await within(item).findByText('bold')).tagName).toBe('STRONG');
  expect(within(item).getByText('code').tagName).toBe('CODE');
  expect(item.querySelector('script')).toBeNull();
  expect(item.querySelector('img')).toBeNull();
  expect(item.querySelector('b')).toBeNull();
  expect(item.querySelector('[onerror]')).toBeNull();
  expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  expect(within(item).getByText('click').closest('a')?.getAttribute('href') ?? '').not.toMatch(/javascript/i);
  expect(item.innerHTML).not.toMatch(/javascript:/i);
  expect(within(item).getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://example.com/docs');
  expect(within(item).getByRole('link', { name: 'docs' })).toHaveAttribute('rel', expect.stringContaining('noopener'));
  // Someone else's comment: no edit or delete.
  expect(within(item).queryByRole('button', { name: 'Edit' })).toBeNull();
});

test('adds a markdown comment, edits and deletes one of one\'s own', async () => {
  const calls = api([{ id: '10', type: 'note', data: { text: 'first take' }, dateCreated: when, user: ME }]);
  await screen.findByText('first take');
  await userEvent.type(screen.getByLabelText('Add a comment (markdown)'), 'Looks like *the cache*');
  await userEvent.click(screen.getByRole('button', { name: 'Comment' }));
  expect(await screen.findByText('the cache')).toHaveProperty('tagName', 'EM');
  expect(JSON.parse(String(calls.find((c) => c.method === 'POST')!.init.body))).toEqual({ text: 'Looks like *the cache*' });
  expect(screen.getByLabelText('Add a comment (markdown)')).toHaveValue('');

  const own = screen.getByText('first take').closest('li')!;
  await userEvent.click(within(own).getByRole('button', { name: 'Edit' }));
  const editor = within(own).getByRole('textbox', { name: 'Edit comment' });
  await userEvent.clear(editor);
  await userEvent.type(editor, 'second take');
  await userEvent.click(within(own).getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('second take')).toBeInTheDocument();
  expect(JSON.parse(String(calls.find((c) => c.method === 'PUT')!.init.body))).toEqual({ text: 'second take' });

  await userEvent.click(within(screen.getByText('second take').closest('li')!).getByRole('button', { name: 'Delete' }));
  await vi.waitFor(() => expect(screen.queryByText('second take')).toBeNull());
});

test('the log says who did what', async () => {
  api([
    { id: '7', type: 'merge', data: { issues: '8,9' }, dateCreated: when, user: ME },
    { id: '6', type: 'assigned', data: { assignee: '2', assigneeType: 'team' }, dateCreated: when, user: ME },
    { id: '5', type: 'merge', data: { issues: [{ id: '8' }, { id: '9' }] }, dateCreated: when, user: ME },
    { id: '4', type: 'assigned', data: { assignee: '4', assigneeType: 'user' }, dateCreated: when, user: ME },
    { id: '3', type: 'set_resolved_in_release', data: { version: '1.2.0' }, dateCreated: when, user: OTHER },
    { id: '2', type: 'set_regression', data: {}, dateCreated: when, user: null },
    { id: '1', type: 'first_seen', data: {}, dateCreated: when, user: null },
  ]);
  await screen.findAllByTestId('activity-item');
  // Assignees are named from the members and teams once they are loaded.
  await screen.findByText(/assigned this issue to Bob/);
  expect(screen.getAllByTestId('activity-item').map((item) => item.querySelector('.activity-head')!.textContent)).toEqual([
    expect.stringContaining('Ada merged 2 issues into this issue'),
    expect.stringContaining('Ada assigned this issue to #backend'),
    expect.stringContaining('Ada merged 2 issues into this issue'),
    expect.stringContaining('Ada assigned this issue to Bob'),
    expect.stringContaining('Bob resolved this issue in release 1.2.0'),
    expect.stringContaining('Faultline marked this issue as a regression'),
    expect.stringContaining('Faultline first saw this issue'),
  ]);
});
