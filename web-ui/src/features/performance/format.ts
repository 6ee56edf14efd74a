// How performance values read: durations in ms or s, rates per minute, shares in percent.
import type { FieldValue } from '../../api/models';

/** A duration in milliseconds: `840 ms`, `1.25 s`, `3.4 min`. */
export function formatDuration(ms: FieldValue | undefined): string {
  const value = typeof ms === 'string' ? Number(ms) : ms;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return '—';
  }
  if (value < 1) {
    return `${value.toFixed(2)} ms`;
  }
  if (value < 1000) {
    return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
  }
  if (value < 60_000) {
    return `${(value / 1000).toFixed(2)} s`;
  }
  return `${(value / 60_000).toFixed(1)} min`;
}

function numberOf(value: FieldValue | undefined): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A share (0–1) as a percentage. */
export function formatPercent(value: FieldValue | undefined): string {
  const n = numberOf(value);
  return n === undefined ? '—' : `${(n * 100).toFixed(n > 0 && n < 0.001 ? 2 : 1)}%`;
}

/** Events per minute. */
export function formatRate(value: FieldValue | undefined): string {
  const n = numberOf(value);
  if (n === undefined) {
    return '—';
  }
  return `${n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(n < 0.01 && n > 0 ? 4 : 2)}/min`;
}

/** A plain number: integers with separators, fractions to three places (Apdex, CLS). */
export function formatNumber(value: FieldValue | undefined): string {
  const n = numberOf(value);
  if (n === undefined) {
    return '—';
  }
  return Number.isInteger(n) ? n.toLocaleString('en') : n.toFixed(3).replace(/\.?0+$/, '');
}

/**
 * A cell as the API typed it (`meta.fields` and `meta.units`): durations in ms, percentages,
 * rates, numbers; anything else as text.
 */
export function formatField(value: FieldValue | undefined, type: string | undefined, unit?: string | null): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  switch (type) {
    case 'duration':
      return formatDuration(unit === 'second' ? Number(value) * 1000 : value);
    case 'percentage':
      return formatPercent(value);
    case 'rate':
      return unit === '1/second' ? `${formatNumber(value)}/s` : formatRate(value);
    case 'integer':
    case 'number':
      return formatNumber(value);
    default:
      return String(value);
  }
}

/** Sentry's search syntax quotes values with spaces, quotes or brackets. */
export function quoteSearchValue(value: string): string {
  return /[\s"()[\],]/.test(value) || value === '' ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : value;
}
