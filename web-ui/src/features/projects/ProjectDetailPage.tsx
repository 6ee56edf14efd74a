import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ProjectKey } from '../../api/models';
import { useCreateKey, useProject, useProjectKeys, useRevokeKey } from './api';
import { useOrganization } from '../organization/api';
import { CopyButton } from '../../ui/CopyButton';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { RelativeTime } from '../../ui/RelativeTime';
import { DiscardedIssues } from './DiscardedIssues';
import { FirstEventPanel } from './FirstEventPanel';
import { PLATFORMS, platformFor } from './platforms';

export function ProjectDetailPage() {
  const { projectSlug } = useParams();
  const organization = useOrganization();
  const org = organization.data?.slug;
  const project = useProject(org, projectSlug);
  const keys = useProjectKeys(org, projectSlug);

  if (organization.isPending || (org && project.isPending)) {
    return <Loading />;
  }
  if (organization.isError) {
    return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
  }
  if (project.isError || !project.data) {
    return <ErrorState error={project.error} onRetry={() => project.refetch()} />;
  }
  const activeKey = keys.data?.find((key) => key.isActive);
  return (
    <section className="page">
      <div className="page-header">
        <div>
          <p className="breadcrumb-nav">
            <Link to="/projects">Projects</Link> /
          </p>
          <h1>{project.data.name}</h1>
        </div>
        <div>
          <Link to={`/projects/${project.data.slug}/filters`} className="button">
            Inbound filters
          </Link>{' '}
          <Link to={`/projects/${project.data.slug}/performance-issues`} className="button">
            Performance issues
          </Link>{' '}
          <Link to={`/issues?project=${project.data.slug}`} className="button">
            View issues
          </Link>
        </div>
      </div>
      {keys.isPending ? (
        <Loading label="Loading client keys…" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : (
        <>
          <div className="card">
            <h2>DSN</h2>
            {activeKey ? (
              <>
                <p className="muted">Give this DSN to your application's Sentry SDK.</p>
                <div className="dsn-row">
                  <code className="dsn" data-testid="dsn">
                    {activeKey.dsn.public}
                  </code>
                  <CopyButton text={activeKey.dsn.public} label="Copy DSN" />
                </div>
              </>
            ) : (
              <p>This project has no active client key. Create one below to get a DSN.</p>
            )}
          </div>
          <FirstEventPanel org={org!} project={project.data} />
          {activeKey && <SetupSnippet dsn={activeKey.dsn.public} initialPlatform={project.data.platform} />}
          <ClientKeys org={org!} project={project.data.slug} keys={keys.data} />
          <DiscardedIssues org={org!} project={project.data.slug} />
        </>
      )}
    </section>
  );
}

export function SetupSnippet({ dsn, initialPlatform }: { dsn: string; initialPlatform?: string | null }) {
  const [platformId, setPlatformId] = useState(platformFor(initialPlatform).id);
  const platform = platformFor(platformId);
  const code = platform.snippet(dsn);
  return (
    <div className="card">
      <div className="card-header">
        <h2>Send your first event</h2>
        <label className="inline-label">
          Platform{' '}
          <select value={platformId} onChange={(e) => setPlatformId(e.target.value)} aria-label="Snippet platform">
            {PLATFORMS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">Install: <code>{platform.install}</code></p>
      <pre className="code-block" data-testid="snippet" tabIndex={0}>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label="Copy snippet" />
    </div>
  );
}

function ClientKeys({ org, project, keys }: { org: string; project: string; keys: ProjectKey[] }) {
  const create = useCreateKey(org, project);
  const revoke = useRevokeKey(org, project);
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim() || 'Key', { onSuccess: () => setName('') });
  };
  return (
    <div className="card">
      <h2>Client keys</h2>
      {keys.length === 0 ? (
        <EmptyState title="No client keys" />
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>DSN</th>
                <th>Status</th>
                <th>Created</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td className="mono ellipsis">{key.dsn.public}</td>
                  <td>{key.isActive ? <span className="badge badge-ok">active</span> : <span className="badge">revoked</span>}</td>
                  <td>{key.dateCreated ? <RelativeTime date={key.dateCreated} /> : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (window.confirm(`Revoke the key "${key.name}"? SDKs using its DSN will be rejected.`)) {
                          revoke.mutate(key.id);
                        }
                      }}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoke.error && (
        <p className="form-error" role="alert">
          Could not revoke the key: {revoke.error.message}
        </p>
      )}
      <form className="inline-form" onSubmit={submit} aria-label="Create client key">
        <input placeholder="New key name" aria-label="New key name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </form>
      {create.error && (
        <p className="form-error" role="alert">
          Could not create the key: {create.error.message}
        </p>
      )}
    </div>
  );
}
