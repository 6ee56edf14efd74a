/** A definition table of name/value pairs; nested values are shown as JSON. */
export function KeyValues({ rows }: { rows: Array<[string, unknown]> }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) {
    return <p className="muted">Nothing recorded.</p>;
  }
  return (
    <dl className="key-values">
      {shown.map(([key, value]) => (
        <div key={key} className="kv-row">
          <dt>{key}</dt>
          <dd className="mono">{typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
