import { isValidElement } from 'react';

/** A definition table of name/value pairs; nested values are shown as JSON (indented with `pretty`). */
export function KeyValues({ rows, pretty = false }: { rows: Array<[string, unknown]>; pretty?: boolean }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) {
    return <p className="muted">Nothing recorded.</p>;
  }
  return (
    <dl className="key-values">
      {shown.map(([key, value], index) => (
        <div key={`${key}-${index}`} className="kv-row">
          <dt>{key}</dt>
          <dd className="mono">
            {isValidElement(value) ? value : typeof value === 'object' ? (pretty ? <pre className="kv-json">{JSON.stringify(value, null, 2)}</pre> : JSON.stringify(value)) : String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
