import type { HTMLAttributes, ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row, type TableMeta } from '@tanstack/react-table';
import type { PageLink } from '../../api/models';

/**
 * What a column may declare besides TanStack's definition (through `meta`).
 * - `width`: a CSS width (`'8rem'`, `'12%'`); columns without one share what is left. Widths come
 *   from the column, never from the data, so a page of long titles does not shift the columns.
 * - `sortKey`: the server-side order this column's header asks for (`sort=<key>`).
 * - `align: 'end'` for numbers; `className` for page-specific styling (and hiding on narrow screens).
 */
export interface ColumnMeta {
  width?: string;
  sortKey?: string;
  align?: 'start' | 'end';
  className?: string;
}

/** A server-side order: the current key and how to ask for another one. */
export interface Sorting {
  sort: string;
  onSort: (sort: string) => void;
}

/** Sentry's cursor paging: the `Link` header's previous/next rels and how to follow one. */
export interface CursorPaging {
  previous?: PageLink;
  next?: PageLink;
  onCursor: (cursor: string) => void;
  previousLabel?: string;
  nextLabel?: string;
}

export interface DataTableProps<T> {
  data: T[];
  columns: Array<ColumnDef<T, any>>;
  getRowId: (row: T) => string;
  /** An accessible name for the table. */
  label: string;
  /** Passed to every cell through `table.options.meta`: column definitions stay module constants. */
  meta?: unknown;
  sorting?: Sorting;
  paging?: CursorPaging;
  /** A refetch is running: the rows stay, dimmed. */
  busy?: boolean;
  /** Extra attributes of a row (test ids, focus and selection classes). */
  rowProps?: (row: Row<T>) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  className?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

const metaOf = (meta: unknown): ColumnMeta => (meta ?? {}) as ColumnMeta;

function cellClass(meta: ColumnMeta): string | undefined {
  return [meta.className, meta.align === 'end' ? 'col-num' : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * The one table of every list page: fixed column widths (`table-layout: fixed` with a `colgroup`),
 * server-side sorting by clickable headers (`aria-sort`), Sentry cursor paging below, a busy state
 * while the next page loads, and a horizontal scroll of its own — never the page's — when the
 * columns cannot fit.
 */
export function DataTable<T>({
  data,
  columns,
  getRowId,
  label,
  meta,
  sorting,
  paging,
  busy = false,
  rowProps,
  className,
  empty,
}: DataTableProps<T>) {
  const table = useReactTable({ data, columns, getRowId, getCoreRowModel: getCoreRowModel(), meta: meta as TableMeta<T> });
  const leaves = table.getVisibleLeafColumns();
  if (data.length === 0 && empty) {
    return <>{empty}</>;
  }
  return (
    <>
      <div className={busy ? 'table-scroll busy' : 'table-scroll'} aria-busy={busy || undefined}>
        <table className={['table', 'data-table', className].filter(Boolean).join(' ')} aria-label={label}>
          <colgroup>
            {leaves.map((column) => {
              const width = metaOf(column.columnDef.meta).width;
              return <col key={column.id} className={metaOf(column.columnDef.meta).className} style={width ? { width } : undefined} />;
            })}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const columnMeta = metaOf(header.column.columnDef.meta);
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  const active = !!sorting && !!columnMeta.sortKey && sorting.sort === columnMeta.sortKey;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={cellClass(columnMeta)}
                      aria-sort={columnMeta.sortKey && sorting ? (active ? 'descending' : 'none') : undefined}
                    >
                      {columnMeta.sortKey && sorting ? (
                        <button
                          type="button"
                          className={active ? 'sort-button sort-active' : 'sort-button'}
                          onClick={() => sorting.onSort(columnMeta.sortKey!)}
                        >
                          {content}
                          <span aria-hidden="true">{active ? ' ↓' : ''}</span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} {...rowProps?.(row)}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cellClass(metaOf(cell.column.columnDef.meta))}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {paging && <Pagination {...paging} />}
    </>
  );
}

/** Previous / next buttons over Sentry's `Link` cursors; hidden when there is only one page. */
export function Pagination({ previous, next, onCursor, previousLabel = '← Previous', nextLabel = 'Next →' }: CursorPaging) {
  if (!previous?.results && !next?.results) {
    return null;
  }
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="button" disabled={!previous?.results} onClick={() => previous && onCursor(previous.cursor)}>
        {previousLabel}
      </button>
      <button type="button" className="button" disabled={!next?.results} onClick={() => next && onCursor(next.cursor)}>
        {nextLabel}
      </button>
    </nav>
  );
}
