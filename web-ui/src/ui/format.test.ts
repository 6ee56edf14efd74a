import { expect, test } from 'vitest';
import { compactNumber, timeAgo } from './format';

test('relative times', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  expect(timeAgo('2026-01-01T11:59:50Z', now)).toBe('just now');
  expect(timeAgo('2026-01-01T11:58:00Z', now)).toBe('2 minutes ago');
  expect(timeAgo('2026-01-01T11:00:00Z', now)).toBe('1 hour ago');
  expect(timeAgo('2025-12-29T12:00:00Z', now)).toBe('3 days ago');
  expect(timeAgo(null, now)).toBe('—');
  expect(timeAgo('not a date', now)).toBe('—');
});

test('compact counts', () => {
  expect(compactNumber('12')).toBe('12');
  expect(compactNumber(15300)).toBe('15.3K');
  expect(compactNumber('n/a')).toBe('n/a');
});
