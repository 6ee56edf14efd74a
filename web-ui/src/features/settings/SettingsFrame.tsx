import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useOrganization } from '../organization/api';
import { ErrorState, Loading } from '../../ui/states/StateViews';
import { type OrganizationDetail, useOrganizationDetail } from './api';

const PAGES = [
  { path: '/settings', label: 'General', end: true },
  { path: '/settings/members', label: 'Members', end: false },
  { path: '/settings/teams', label: 'Teams', end: false },
  { path: '/settings/tokens', label: 'API tokens', end: false },
];

/** Loads the organization and frames a settings page with its title and the settings navigation. */
export function SettingsFrame({ title, children }: { title: string; children: (organization: OrganizationDetail) => ReactNode }) {
  const summary = useOrganization();
  const detail = useOrganizationDetail(summary.data?.slug);
  if (summary.isPending || (summary.data && detail.isPending)) {
    return <Loading />;
  }
  if (summary.isError) {
    return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  }
  if (detail.isError) {
    return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  }
  if (!detail.data) {
    return <ErrorState error={new Error('You are not a member of any organization.')} />;
  }
  return (
    <section className="page settings-page">
      <div className="page-header">
        <h1>{title}</h1>
        <p className="muted">
          {detail.data.name} · your role: {detail.data.role}
        </p>
      </div>
      <nav className="tabs" aria-label="Organization settings">
        {PAGES.map((page) => (
          <NavLink key={page.path} to={page.path} end={page.end} className={({ isActive }) => (isActive ? 'tab tab-active' : 'tab')}>
            {page.label}
          </NavLink>
        ))}
      </nav>
      {children(detail.data)}
    </section>
  );
}

/** Whether the caller's scopes allow what `scope` allows (admin ⊃ write ⊃ read within a resource). */
export function can(access: string[], scope: string): boolean {
  if (access.includes(scope)) {
    return true;
  }
  const [resource, level] = scope.split(':');
  if (level === 'read') {
    return access.includes(`${resource}:write`) || access.includes(`${resource}:admin`);
  }
  if (level === 'write' || level === 'invite') {
    return access.includes(`${resource}:admin`) || (level === 'invite' && access.includes(`${resource}:write`));
  }
  return false;
}
