/** "3 minutes ago" style text for an ISO date, relative to now. */
export function timeAgo(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) {
    return '—';
  }
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return '—';
  }
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) {
    return 'just now';
  }
  const units: Array<[string, number]> = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    const value = Math.round(seconds / size);
    if (value >= 1 && seconds >= size * 0.75) {
      return `${value} ${unit}${value === 1 ? '' : 's'} ago`;
    }
  }
  return `${seconds} seconds ago`;
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A date as an instant: ISO text, or epoch seconds (Sentry's breadcrumb and stats timestamps). */
export function toDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Every absolute date of the UI in one format: the reader's locale, to the second, local time. */
export function formatDate(value: string | number | null | undefined): string {
  const date = toDate(value);
  if (!date) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }
  return DATE_FORMAT.format(date);
}

export function compactNumber(value: string | number): string {
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) {
    return String(value);
  }
  return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
