import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useOrganization } from '../organization/api';
import { ErrorState, Loading } from '../../ui/states/StateViews';

/**
 * The frame of a project's settings pages: the breadcrumb back to the project, the title, what
 * the settings do, and the settings themselves once the organization is known.
 */
export function ProjectSettingsPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children: (org: string, project: string) => ReactNode;
}) {
  const { projectSlug } = useParams();
  const organization = useOrganization();
  const org = organization.data?.slug;
  if (organization.isPending) {
    return <Loading />;
  }
  if (organization.isError || !org || !projectSlug) {
    return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
  }
  return (
    <section className="page">
      <div className="page-header">
        <div>
          <p className="breadcrumb-nav">
            <Link to="/projects">Projects</Link> / <Link to={`/projects/${projectSlug}`}>{projectSlug}</Link> /
          </p>
          <h1>{title}</h1>
        </div>
      </div>
      <p className="muted">{intro}</p>
      {children(org, projectSlug)}
    </section>
  );
}
