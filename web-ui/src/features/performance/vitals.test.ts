import { expect, test } from 'vitest';
import { formatVital, performanceScore, rate, scoreRating, VITALS, vitalScore } from './vitals';

const vital = (id: string) => VITALS.find((v) => v.id === id)!;

test("rates by web.dev's thresholds: good up to the first, poor above the second", () => {
  expect(rate(vital('lcp'), 2500)).toBe('good');
  expect(rate(vital('lcp'), 2501)).toBe('meh');
  expect(rate(vital('lcp'), 4000)).toBe('meh');
  expect(rate(vital('lcp'), 4001)).toBe('poor');
  expect(rate(vital('fcp'), 1800)).toBe('good');
  expect(rate(vital('fcp'), 3100)).toBe('poor');
  expect(rate(vital('cls'), 0.1)).toBe('good');
  expect(rate(vital('cls'), 0.2)).toBe('meh');
  expect(rate(vital('cls'), 0.26)).toBe('poor');
  expect(rate(vital('inp'), 200)).toBe('good');
  expect(rate(vital('inp'), 499)).toBe('meh');
  expect(rate(vital('inp'), 501)).toBe('poor');
  expect(rate(vital('ttfb'), 800)).toBe('good');
  expect(rate(vital('ttfb'), 1800)).toBe('meh');
  expect(rate(vital('ttfb'), 1900)).toBe('poor');
});

test('a vital scores 0.9 at its good threshold, 0.5 at its poor one, falling in between and beyond', () => {
  for (const v of VITALS) {
    expect(vitalScore(v, v.good)).toBeCloseTo(0.9, 4);
    expect(vitalScore(v, v.poor)).toBeCloseTo(0.5, 4);
    expect(vitalScore(v, v.good / 2)).toBeGreaterThan(0.9);
    expect(vitalScore(v, v.poor * 2)).toBeLessThan(0.5);
  }
  expect(vitalScore(vital('cls'), 0)).toBe(1);
});

test('the page score weighs the vitals present and rescales the weights to them', () => {
  const atGood = { lcp: 2500, fcp: 1800, cls: 0.1, inp: 200, ttfb: 800 };
  expect(performanceScore(atGood)).toBe(90);
  const atPoor = { lcp: 4000, fcp: 3000, cls: 0.25, inp: 500, ttfb: 1800 };
  expect(performanceScore(atPoor)).toBe(50);
  // LCP (weight .30) at its poor threshold and CLS (.15) at its good one: (0.3·0.5 + 0.15·0.9) / 0.45.
  expect(performanceScore({ lcp: 4000, cls: 0.1 })).toBe(Math.round(((0.3 * 0.5 + 0.15 * 0.9) / 0.45) * 100));
  expect(performanceScore({})).toBeUndefined();
  expect(scoreRating(90)).toBe('good');
  expect(scoreRating(89)).toBe('meh');
  expect(scoreRating(49)).toBe('poor');
});

test('formats durations in ms or s and CLS without a unit', () => {
  expect(formatVital(vital('lcp'), 1830.4)).toBe('1.83 s');
  expect(formatVital(vital('inp'), 184.6)).toBe('185 ms');
  expect(formatVital(vital('cls'), 0.125)).toBe('0.125');
  expect(formatVital(vital('cls'), 0.1)).toBe('0.1');
  expect(formatVital(vital('cls'), undefined)).toBe('—');
});
