import { formatDate, timeAgo, toDate } from './format';

/** "3 minutes ago", with the absolute date as its title. */
export function RelativeTime({ date }: { date: string | null | undefined }) {
  return (
    <time dateTime={date ?? undefined} title={formatDate(date)}>
      {timeAgo(date)}
    </time>
  );
}

/** The absolute date in the UI's one format, with the relative time beside it. */
export function DateTime({ date }: { date: string | number | null | undefined }) {
  const parsed = toDate(date);
  if (!parsed) {
    return <span className="muted">—</span>;
  }
  return (
    <time dateTime={parsed.toISOString()} className="date-time">
      {formatDate(date)} <span className="muted">({timeAgo(parsed.toISOString())})</span>
    </time>
  );
}
