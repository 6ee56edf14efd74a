import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useEnvironments } from '../projects/api';
import { EnvironmentPicker, TimeRangePicker } from '../../ui/filters/Pickers';
import { DEFAULT_PERIOD } from './api';
import { performancePath, type PerformanceScope } from './scope';

/**
 * The heading, the Transactions / Web vitals tabs (links that keep the filters) and the pickers
 * every performance page shares: project (one at a time), environment and time range.
 */
export function PerformanceHeader({ title, scope, children }: { title: ReactNode; scope: PerformanceScope; children?: ReactNode }) {
  const environments = useEnvironments(scope.org, scope.project?.slug);
  const { filters, setFilters } = scope;
  return (
    <>
      <div className="page-header">
        <h1>{title}</h1>
        <div className="toolbar">
          <label className="inline-label picker">
            Project{' '}
            <select value={scope.project?.slug ?? ''} onChange={(e) => setFilters({ project: e.target.value || undefined })}>
              {scope.projects.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <EnvironmentPicker
            environments={environments.data ?? []}
            value={filters.environment}
            onChange={(environment) => setFilters({ environment })}
          />
          <TimeRangePicker
            value={{ period: filters.period, start: filters.start, end: filters.end }}
            defaultPeriod={DEFAULT_PERIOD}
            onChange={(range) => setFilters(range)}
          />
        </div>
      </div>
      <nav className="tabs" aria-label="Performance">
        <NavLink end to={performancePath('', filters)} className={({ isActive }) => (isActive ? 'tab tab-active' : 'tab')}>
          Transactions
        </NavLink>
        <NavLink to={performancePath('/vitals', filters)} className={({ isActive }) => (isActive ? 'tab tab-active' : 'tab')}>
          Web vitals
        </NavLink>
      </nav>
      {children}
    </>
  );
}
