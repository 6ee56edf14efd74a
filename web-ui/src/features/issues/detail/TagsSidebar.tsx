import { useState } from 'react';
import type { TagFacet, TagValue } from '../../../api/models';
import { useIssueTags, useTagDistribution } from './api';
import { ErrorState, Loading } from '../../../ui/states/StateViews';
import { TimeSeriesChart } from '../../../ui/chart/TimeSeriesChart';

/** A value's share of the key's events, from `percent` or computed from the counts. */
export function percentOf(value: TagValue, facet: TagFacet): number {
  if (typeof value.percent === 'number') {
    return value.percent;
  }
  const total = facet.totalValues ?? facet.topValues.reduce((sum, v) => sum + v.count, 0);
  return total > 0 ? (value.count / total) * 100 : 0;
}

function formatPercent(percent: number): string {
  return percent >= 10 || percent === 0 ? `${Math.round(percent)}%` : `${percent.toFixed(1)}%`;
}

/** The issue's tags: each key's top values as percentage bars; a key opens its distribution over time. */
export function TagsSidebar({ issueId }: { issueId: string }) {
  const tags = useIssueTags(issueId);
  const [openKey, setOpenKey] = useState<string>();
  return (
    <aside className="card tags-sidebar" aria-label="Tag summary">
      <h2>Tags</h2>
      {tags.isPending ? (
        <Loading label="Loading tags…" />
      ) : tags.isError ? (
        <ErrorState error={tags.error} onRetry={() => tags.refetch()} />
      ) : tags.data.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        tags.data.map((facet) => (
          <div key={facet.key} className="tag-facet" data-testid="tag-facet">
            <button
              type="button"
              className="link-button tag-facet-key"
              aria-expanded={openKey === facet.key}
              onClick={() => setOpenKey(openKey === facet.key ? undefined : facet.key)}
            >
              {facet.name || facet.key}
            </button>
            <ul className="tag-bars">
              {facet.topValues.map((value) => {
                const percent = percentOf(value, facet);
                return (
                  <li key={value.value} className="tag-bar" title={`${value.count} events`}>
                    <span className="tag-bar-fill" style={{ width: `${Math.min(100, percent)}%` }} />
                    <span className="tag-bar-label">{value.name || value.value}</span>
                    <span className="tag-bar-percent">{formatPercent(percent)}</span>
                  </li>
                );
              })}
            </ul>
            {openKey === facet.key && <TagDistributionChart issueId={issueId} tagKey={facet.key} />}
          </div>
        ))
      )}
    </aside>
  );
}

function TagDistributionChart({ issueId, tagKey }: { issueId: string; tagKey: string }) {
  const [period, setPeriod] = useState<'24h' | '14d'>('14d');
  const distribution = useTagDistribution(issueId, tagKey, period);
  return (
    <div className="tag-distribution" aria-label={`${tagKey} over time`} role="group">
      <div className="segmented" role="group" aria-label="Period">
        {(['24h', '14d'] as const).map((p) => (
          <button key={p} type="button" className={p === period ? 'tab tab-active' : 'tab'} onClick={() => setPeriod(p)}>
            {p}
          </button>
        ))}
      </div>
      {distribution.isPending ? (
        <Loading />
      ) : distribution.isError ? (
        <ErrorState error={distribution.error} />
      ) : (
        distribution.data.values.map((value) => (
          <div key={value.value} className="tag-distribution-value">
            <span className="small">{value.value}</span>
            <TimeSeriesChart series={value.data} height={40} spark label={value.value} />
          </div>
        ))
      )}
    </div>
  );
}
