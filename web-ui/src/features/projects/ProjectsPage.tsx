import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateProject, useProjects } from './api';
import { useOrganization, useTeams } from '../organization/api';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { RelativeTime } from '../../ui/RelativeTime';
import { PLATFORMS, platformFor } from './platforms';

export function ProjectsPage() {
  const organization = useOrganization();
  const org = organization.data?.slug;
  const projects = useProjects(org);
  const [creating, setCreating] = useState(false);

  if (organization.isPending) {
    return <Loading />;
  }
  if (organization.isError) {
    return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
  }
  if (!org) {
    return <EmptyState title="You are not a member of any organization." />;
  }
  return (
    <section className="page">
      <div className="page-header">
        <h1>Projects</h1>
        {!creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            Create project
          </button>
        )}
      </div>
      {creating && <CreateProjectForm org={org} onCancel={() => setCreating(false)} />}
      {projects.isPending ? (
        <Loading />
      ) : projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <EmptyState title="No projects yet">
          <p>Create a project to get a DSN for your application's Sentry SDK.</p>
        </EmptyState>
      ) : (
        <ul className="card-list">
          {projects.data.map((project) => (
            <li key={project.id} className="card project-card">
              <Link to={`/projects/${project.slug}`} className="project-name">
                {project.name}
              </Link>
              <span className="badge">{platformFor(project.platform).name}</span>
              <span className="muted">
                {project.firstEvent ? (
                  <>
                    first event <RelativeTime date={project.firstEvent} />
                  </>
                ) : (
                  'no events yet'
                )}
              </span>
              <Link to={`/issues?project=${project.slug}`} className="muted">
                Issues →
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CreateProjectForm({ org, onCancel }: { org: string; onCancel: () => void }) {
  const teams = useTeams(org);
  const create = useCreateProject(org);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState('java');
  const [team, setTeam] = useState('');
  const chosenTeam = team || teams.data?.[0]?.slug || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { team: chosenTeam, name: name.trim(), platform },
      { onSuccess: (project) => navigate(`/projects/${project.slug}`) },
    );
  };

  if (teams.isError) {
    return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;
  }
  return (
    <form className="card form" onSubmit={submit} aria-label="Create project">
      <h2>New project</h2>
      <label>
        Name
        <input name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Platform
        <select name="platform" value={platform} onChange={(e) => setPlatform(e.target.value)}>
          {PLATFORMS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {(teams.data?.length ?? 0) > 1 && (
        <label>
          Team
          <select name="team" value={chosenTeam} onChange={(e) => setTeam(e.target.value)}>
            {teams.data!.map((t) => (
              <option key={t.id} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {create.error && (
        <p className="form-error" role="alert">
          {create.error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending || !chosenTeam || !name.trim()}>
          {create.isPending ? 'Creating…' : 'Create'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
