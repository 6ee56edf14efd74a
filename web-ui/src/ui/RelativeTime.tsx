import { formatDate, timeAgo } from './format';

export function RelativeTime({ date }: { date: string | null | undefined }) {
  return (
    <time dateTime={date ?? undefined} title={formatDate(date)}>
      {timeAgo(date)}
    </time>
  );
}
