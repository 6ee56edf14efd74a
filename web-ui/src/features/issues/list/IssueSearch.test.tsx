import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { ORG, PROJECT, issue } from '../../../test/fixtures';
import { json, mockApi, renderAt } from '../../../test/render';
import { IssuesPage } from './IssuesPage';
import { SearchBar } from '../../../ui/search/SearchBar';
import { tokenAt } from '../../../ui/search/searchSyntax';

afterEach(() => vi.unstubAllGlobals());

function renderBar(props: Partial<Parameters<typeof SearchBar>[0]> = {}) {
  const onSubmit = vi.fn();
  mockApi({});
  renderAt('/', '/', <SearchBar value="" onSubmit={onSubmit} {...props} />);
  return onSubmit;
}

const options = () => {
  const list = screen.queryByRole('listbox', { name: 'Suggestions' });
  return list ? within(list).getAllByRole('option').map((option) => option.textContent) : [];
};

test('the token under the caret: key, text and negation', () => {
  expect(tokenAt('is:unresolved lev', 17)).toEqual({ start: 14, end: 17, negated: false, text: 'lev' });
  expect(tokenAt('!browser:Chr', 12)).toMatchObject({ start: 0, negated: true, key: 'browser', text: 'Chr' });
  expect(tokenAt('message:"a b', 12)).toMatchObject({ start: 0, key: 'message', text: 'a b' });
});

test('suggests built-in keys and the project tag keys, and a chosen key completes the token', async () => {
  renderBar({ tagKeys: ['browser', 'level'] });
  const input = screen.getByRole('combobox', { name: 'Search' });
  await userEvent.type(input, 'b');
  expect(options()).toEqual(['bookmarks:', 'browser:']);
  await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
  expect(input).toHaveValue('browser:');
  await userEvent.clear(input);
  await userEvent.type(input, 'le');
  // level is both built in and a tag key: listed once.
  expect(options()).toEqual(['level:']);
});

test('is: has fixed values; other keys ask the value source with the typed prefix', async () => {
  const values = vi.fn(async (_key: string, prefix: string) => ['Chrome 120', 'Chromium 99'].filter((v) => v.startsWith(prefix)));
  renderBar({ values, sourceId: 'test' });
  const input = screen.getByRole('combobox', { name: 'Search' });
  await userEvent.type(input, 'is:un');
  expect(options()).toEqual(['unresolved', 'unassigned']);
  expect(values).not.toHaveBeenCalled();
  await userEvent.clear(input);
  await userEvent.type(input, 'browser:Chrome');
  expect(await screen.findByRole('option', { name: 'Chrome 120' })).toBeInTheDocument();
  expect(values).toHaveBeenLastCalledWith('browser', 'Chrome', expect.anything());
  await userEvent.click(screen.getByRole('option', { name: 'Chrome 120' }));
  // A value with a space is quoted.
  expect(input).toHaveValue('browser:"Chrome 120" ');
});

test('Enter without a highlighted suggestion submits the trimmed query', async () => {
  const onSubmit = renderBar();
  await userEvent.type(screen.getByRole('combobox', { name: 'Search' }), 'level:error  {Enter}');
  expect(onSubmit).toHaveBeenCalledWith('level:error');
});

test('an error is shown under the bar and marks the input invalid', () => {
  renderBar({ error: 'Unexpected ")" at position 7' });
  expect(screen.getByRole('alert')).toHaveTextContent('Unexpected ")" at position 7');
  expect(screen.getByRole('combobox')).toHaveAttribute('aria-invalid', 'true');
});

test('the issue list sends the query, keeps it in the URL and shows a 400 inline', async () => {
  const calls = mockApi({
    'GET /api/0/organizations/': [ORG],
    'GET /api/0/organizations/faultline/projects/': [PROJECT],
    'GET /api/0/projects/faultline/shop/tags/': [{ key: 'flavour', name: 'Flavour' }],
    'GET /api/0/organizations/faultline/issues/': (url: URL) =>
      url.searchParams.get('query')!.includes('(')
        ? json({ detail: 'Unexpected "(" at position 14' }, 400)
        : json([issue()]),
  });
  renderAt('/issues?query=is%3Aunresolved%20flavour%3Amint', '/issues', <IssuesPage />);
  const input = await screen.findByRole('combobox', { name: 'Search issues' });
  expect(input).toHaveValue('is:unresolved flavour:mint');
  await screen.findByTestId('issue-row');
  const issueCalls = () => calls.filter((c) => c.url.pathname === '/api/0/organizations/faultline/issues/');
  expect(issueCalls().at(-1)!.url.searchParams.get('query')).toBe('is:unresolved flavour:mint');

  await userEvent.clear(input);
  await userEvent.type(input, 'is:unresolved (');
  await userEvent.click(screen.getByRole('button', { name: 'Search' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Unexpected "(" at position 14');
  expect(screen.getByText('Fix the search to see issues.')).toBeInTheDocument();

  // The project's tag keys are suggested.
  await userEvent.clear(input);
  await userEvent.type(input, 'fla');
  expect(options()).toEqual(['flavour:']);
});
