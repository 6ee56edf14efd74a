// Web vitals: web.dev's good / needs-improvement / poor thresholds, and a 0–100 score per vital
// and per page in the way Lighthouse scores metrics.

export type VitalId = 'lcp' | 'fcp' | 'cls' | 'inp' | 'ttfb';

export type Rating = 'good' | 'meh' | 'poor';

export interface Vital {
  id: VitalId;
  name: string;
  /** The Discover column: `measurements.lcp`. */
  field: string;
  /** At or below: good. */
  good: number;
  /** Above: poor; between the two: needs improvement. */
  poor: number;
  /** Milliseconds, or a unitless score (CLS). */
  unit: 'millisecond' | 'none';
  /** Share of the page score (Sentry's weights). */
  weight: number;
}

/** web.dev's published thresholds (https://web.dev/articles/vitals) and Sentry's performance-score weights. */
export const VITALS: Vital[] = [
  { id: 'lcp', name: 'Largest Contentful Paint', field: 'measurements.lcp', good: 2500, poor: 4000, unit: 'millisecond', weight: 0.3 },
  { id: 'fcp', name: 'First Contentful Paint', field: 'measurements.fcp', good: 1800, poor: 3000, unit: 'millisecond', weight: 0.15 },
  { id: 'cls', name: 'Cumulative Layout Shift', field: 'measurements.cls', good: 0.1, poor: 0.25, unit: 'none', weight: 0.15 },
  { id: 'inp', name: 'Interaction to Next Paint', field: 'measurements.inp', good: 200, poor: 500, unit: 'millisecond', weight: 0.3 },
  { id: 'ttfb', name: 'Time to First Byte', field: 'measurements.ttfb', good: 800, poor: 1800, unit: 'millisecond', weight: 0.1 },
];

export const RATING_LABELS: Record<Rating, string> = { good: 'Good', meh: 'Needs improvement', poor: 'Poor' };

export const p75Field = (vital: Vital) => `p75(${vital.field})`;

export function rate(vital: Vital, value: number): Rating {
  return value <= vital.good ? 'good' : value <= vital.poor ? 'meh' : 'poor';
}

/** The standard normal CDF, through erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The standard normal quantile at 0.9. */
const Z_90 = 1.2815515655446004;

/**
 * A vital's score in 0–1 on a log-normal curve, as Lighthouse scores a metric: the good threshold
 * scores 0.9, the poor threshold 0.5, and the score falls smoothly beyond. So a value rated good
 * always scores at least 90 and a poor one below 50.
 */
export function vitalScore(vital: Vital, value: number): number {
  if (value <= 0) {
    return 1;
  }
  const median = Math.log(vital.poor);
  const sigma = (median - Math.log(vital.good)) / Z_90;
  return 1 - normalCdf((Math.log(value) - median) / sigma);
}

/**
 * A page's performance score (0–100) from its vitals' p75 values: the weighted mean of the vitals'
 * scores, with the weights of the vitals it has rescaled to sum to one. Undefined without any vital.
 */
export function performanceScore(values: Partial<Record<VitalId, number | null | undefined>>): number | undefined {
  let weighted = 0;
  let weights = 0;
  for (const vital of VITALS) {
    const value = values[vital.id];
    if (typeof value === 'number' && Number.isFinite(value)) {
      weighted += vital.weight * vitalScore(vital, value);
      weights += vital.weight;
    }
  }
  return weights === 0 ? undefined : Math.round((weighted / weights) * 100);
}

/** Lighthouse's score bands: 90–100 good, 50–89 needs improvement, below 50 poor. */
export function scoreRating(score: number): Rating {
  return score >= 90 ? 'good' : score >= 50 ? 'meh' : 'poor';
}

export function formatVital(vital: Vital, value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return '—';
  }
  if (vital.unit === 'none') {
    return value.toFixed(value < 0.01 && value > 0 ? 4 : 3).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  }
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}
