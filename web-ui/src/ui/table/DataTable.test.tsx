import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createColumnHelper } from '@tanstack/react-table';
import { expect, test, vi } from 'vitest';
import { DataTable } from './DataTable';

interface Row {
  id: string;
  name: string;
  count: number;
}
const column = createColumnHelper<Row>();
const COLUMNS = [
  column.accessor('name', { header: 'Name' }),
  column.accessor('count', { header: 'Count', meta: { width: '6rem', align: 'end', sortKey: 'freq' } }),
];
const ROWS: Row[] = [
  { id: 'a', name: 'Alpha', count: 3 },
  { id: 'b', name: 'Beta', count: 12 },
];

test('renders rows with fixed column widths, numbers aligned to the end and row attributes', () => {
  render(
    <DataTable label="Things" data={ROWS} columns={COLUMNS} getRowId={(row) => row.id} rowProps={(row) => ({ 'data-testid': `row-${row.id}` })} />,
  );
  const table = screen.getByRole('table', { name: 'Things' });
  const cols = table.querySelectorAll('col');
  expect(cols).toHaveLength(2);
  expect(cols[0].style.width).toBe('');
  expect(cols[1].style.width).toBe('6rem');
  expect(within(screen.getByTestId('row-b')).getByText('12')).toHaveClass('col-num');
  // No paging links: no pagination.
  expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
});

test('a sortable header asks for its order and marks the current one', async () => {
  const onSort = vi.fn();
  const { rerender } = render(
    <DataTable label="Things" data={ROWS} columns={COLUMNS} getRowId={(row) => row.id} sorting={{ sort: 'date', onSort }} />,
  );
  const header = screen.getByRole('columnheader', { name: 'Count' });
  expect(header).toHaveAttribute('aria-sort', 'none');
  expect(screen.getByRole('columnheader', { name: 'Name' })).not.toHaveAttribute('aria-sort');
  await userEvent.click(within(header).getByRole('button'));
  expect(onSort).toHaveBeenCalledWith('freq');
  rerender(<DataTable label="Things" data={ROWS} columns={COLUMNS} getRowId={(row) => row.id} sorting={{ sort: 'freq', onSort }} />);
  expect(screen.getByRole('columnheader', { name: /Count/ })).toHaveAttribute('aria-sort', 'descending');
});

test('pages with the cursors of the Link header', async () => {
  const onCursor = vi.fn();
  render(
    <DataTable
      label="Things"
      data={ROWS}
      columns={COLUMNS}
      getRowId={(row) => row.id}
      paging={{ previous: { cursor: '0:0:1', results: false }, next: { cursor: '0:25:0', results: true }, onCursor }}
    />,
  );
  expect(screen.getByRole('button', { name: '← Previous' })).toBeDisabled();
  await userEvent.click(screen.getByRole('button', { name: 'Next →' }));
  expect(onCursor).toHaveBeenCalledWith('0:25:0');
});

test('shows the empty state instead of an empty table', () => {
  render(<DataTable label="Things" data={[]} columns={COLUMNS} getRowId={(row) => row.id} empty={<p>Nothing here</p>} />);
  expect(screen.getByText('Nothing here')).toBeInTheDocument();
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});
