import { useState, type FormEvent } from 'react';
import { PERIODS, type TimeRange } from './pageFilters';

export function ProjectPicker({
  projects,
  value,
  onChange,
}: {
  projects: Array<{ slug: string; name: string }>;
  value?: string;
  onChange: (slug: string | undefined) => void;
}) {
  return (
    <label className="inline-label picker">
      Project{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All projects</option>
        {projects.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The environments seen (the `environment` tag's values); a chosen one stays listed even when unseen. */
export function EnvironmentPicker({
  environments,
  value,
  onChange,
}: {
  environments: string[];
  value?: string;
  onChange: (environment: string | undefined) => void;
}) {
  const options = value && !environments.includes(value) ? [value, ...environments] : environments;
  return (
    <label className="inline-label picker">
      Environment{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All environments</option>
        {options.map((environment) => (
          <option key={environment} value={environment}>
            {environment}
          </option>
        ))}
      </select>
    </label>
  );
}

const CUSTOM = 'custom';

/** `YYYY-MM-DDTHH:mm` in local time for a datetime-local input, from an ISO instant. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A relative period, or a custom absolute range entered in local time and kept as UTC instants.
 * `defaultPeriod` is what an empty choice means on this page (shown, not written to the address).
 */
export function TimeRangePicker({
  value,
  onChange,
  defaultPeriod,
  allowAll = false,
}: {
  value: TimeRange;
  onChange: (range: TimeRange) => void;
  defaultPeriod?: string;
  /** Offer "Any time" (no range at all), for lists that are not limited to a period by default. */
  allowAll?: boolean;
}) {
  const absolute = !!value.start && !!value.end;
  const [custom, setCustom] = useState(absolute);
  const [start, setStart] = useState(toLocalInput(value.start));
  const [end, setEnd] = useState(toLocalInput(value.end));
  const selected = custom || absolute ? CUSTOM : (value.period ?? defaultPeriod ?? '');
  const known = PERIODS.some((p) => p.value === selected) || selected === CUSTOM || selected === '';
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const from = new Date(start);
    const to = new Date(end);
    if (!Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) && from < to) {
      onChange({ start: from.toISOString(), end: to.toISOString() });
    }
  };
  return (
    <div className="time-range">
      <label className="inline-label picker">
        Time range{' '}
        <select
          value={selected}
          onChange={(e) => {
            if (e.target.value === CUSTOM) {
              setCustom(true);
            } else {
              setCustom(false);
              onChange({ period: e.target.value || undefined });
            }
          }}
        >
          {allowAll && <option value="">Any time</option>}
          {!known && <option value={selected}>Last {selected}</option>}
          {PERIODS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          <option value={CUSTOM}>Custom range…</option>
        </select>
      </label>
      {selected === CUSTOM && (
        <form className="inline-form custom-range" onSubmit={apply}>
          <label className="inline-label">
            From <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required />
          </label>
          <label className="inline-label">
            To <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
          </label>
          <button type="submit" className="button button-small">
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
