import { Link, useParams } from 'react-router';
import { LineChart } from '../../ui/chart/LineChart';
import { TimeSeriesChart } from '../../ui/chart/TimeSeriesChart';
import { DateTime, RelativeTime } from '../../ui/RelativeTime';
import { useUrlState } from '../../ui/filters/urlState';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { useOrganization } from '../organization/api';
import {
  formatPercentage,
  useArtifactBundles,
  useNewIssues,
  useRelease,
  useReleaseCommits,
  useReleaseDeploys,
  useReleaseSessions,
  type Release,
  type ReleaseProject,
  type SessionsResponse,
} from './api';

const PERIODS = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '14d', label: 'Last 14 days' },
];

/** Crash-free rates (0–1 ratios) of the sessions endpoint as chart series in percent. */
export function crashFreeSeries(response: SessionsResponse) {
  const group = response.groups[0];
  const times = response.intervals.map((interval) => Date.parse(interval) / 1000);
  const series = (field: string, label: string) => ({
    label,
    points: times.map((time, i): [number, number | null] => {
      const value = group?.series[field]?.[i];
      return [time, value === null || value === undefined ? null : 100 * value];
    }),
  });
  return [series('crash_free_rate(session)', 'Crash-free sessions'), series('crash_free_rate(user)', 'Crash-free users')];
}

/** Sessions per interval of the sessions endpoint. */
export function sessionCounts(response: SessionsResponse): Array<[number, number]> {
  const group = response.groups[0];
  return response.intervals.map((interval, i) => [Date.parse(interval) / 1000, group?.series['sum(session)']?.[i] ?? 0]);
}

/**
 * One release: its health per project (crash-free sessions and users, adoption, sessions and
 * users, crashed and errored sessions), crash-free rates and sessions over 24 hours or 14 days,
 * the issues first seen in it, its commits with the files they changed, its deploys and the
 * artifact bundles (source maps) uploaded for it.
 */
export function ReleaseDetailPage() {
  const { version } = useParams();
  const organization = useOrganization();
  const org = organization.data?.slug;
  const [params, setUrl] = useUrlState();
  const period = PERIODS.some((option) => option.value === params.get('period')) ? params.get('period')! : '24h';
  const release = useRelease(org, version, period);

  if (organization.isPending || (org && release.isPending)) {
    return <Loading />;
  }
  if (organization.isError) {
    return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
  }
  if (release.isError) {
    return <ErrorState error={release.error} onRetry={() => release.refetch()} />;
  }
  if (!org || !release.data) {
    return <EmptyState title="There is no such release." />;
  }
  const data = release.data;
  return (
    <section className="page release-detail">
      <div className="page-header">
        <div>
          <p className="breadcrumbs">
            <Link to="/releases">Releases</Link>
          </p>
          <h1 className="mono release-title">{data.version}</h1>
          <p className="muted">
            {data.projects.map((project) => project.slug).join(', ')} · created <RelativeTime date={data.dateCreated} />
            {data.dateReleased && (
              <>
                {' '}
                · released <DateTime date={data.dateReleased} />
              </>
            )}{' '}
            · {data.commitCount} commits · {data.deployCount} deploys · {data.newGroups} new issues
          </p>
        </div>
      </div>
      <HealthSummary release={data} />
      <div className="release-controls">
        <label>
          Period{' '}
          <select value={period} onChange={(event) => setUrl({ period: event.target.value === '24h' ? undefined : event.target.value })}>
            {PERIODS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <HealthCharts org={org} release={data} period={period} />
      <div className="release-grid">
        <NewIssues org={org} release={data} />
        <Deploys org={org} version={data.version} />
      </div>
      <Commits org={org} version={data.version} />
      <ArtifactBundles org={org} release={data} />
    </section>
  );
}

function HealthSummary({ release }: { release: Release }) {
  return (
    <div className="release-health" aria-label="Release health">
      {release.projects.map((project) => (
        <ProjectHealth key={project.id} project={project} />
      ))}
    </div>
  );
}

function ProjectHealth({ project }: { project: ReleaseProject }) {
  const health = project.healthData;
  const numbers: Array<[string, string]> = [
    ['Crash-free sessions', formatPercentage(health?.crashFreeSessions)],
    ['Crash-free users', formatPercentage(health?.crashFreeUsers)],
    ['Adoption (24h)', formatPercentage(health?.adoption)],
    ['Sessions', String(health?.totalSessions ?? 0)],
    ['Users', String(health?.totalUsers ?? 0)],
    ['Crashed sessions', String(health?.sessionsCrashed ?? 0)],
    ['Errored sessions', String(health?.sessionsErrored ?? 0)],
  ];
  return (
    <div className="card release-project-health">
      <h2>{project.name}</h2>
      {health?.hasHealthData ? (
        <dl className="health-numbers">
          {numbers.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No sessions yet. Release health needs the SDK's session tracking and the release option set.</p>
      )}
    </div>
  );
}

function HealthCharts({ org, release, period }: { org: string; release: Release; period: string }) {
  const projects = release.projects.map((project) => project.id);
  const sessions = useReleaseSessions(org, projects, release.version, period);
  if (sessions.isPending) {
    return <Loading label="Loading release health…" />;
  }
  if (sessions.isError) {
    return <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />;
  }
  const totals = sessions.data.groups[0]?.totals ?? {};
  return (
    <div className="release-grid">
      <div className="card">
        <h2>Crash-free rate</h2>
        <p className="muted">
          Sessions {formatPercentage(ratio(totals['crash_free_rate(session)']))} · users{' '}
          {formatPercentage(ratio(totals['crash_free_rate(user)']))}
        </p>
        <LineChart series={crashFreeSeries(sessions.data)} height={180} format={(value) => formatPercentage(value)} label="Crash-free rate over time" />
      </div>
      <div className="card">
        <h2>Sessions</h2>
        <p className="muted">
          {totals['sum(session)'] ?? 0} sessions · {totals['count_unique(user)'] ?? 0} users
        </p>
        <TimeSeriesChart series={sessionCounts(sessions.data)} height={180} label="Sessions" />
      </div>
    </div>
  );
}

function ratio(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : 100 * value;
}

function NewIssues({ org, release }: { org: string; release: Release }) {
  const issues = useNewIssues(
    org,
    release.projects.map((project) => project.id),
    release.version,
  );
  return (
    <div className="card">
      <h2>New issues</h2>
      {issues.isPending ? (
        <Loading />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => issues.refetch()} />
      ) : issues.data.length === 0 ? (
        <p className="muted">No issue was first seen in this release.</p>
      ) : (
        <ul className="release-issues">
          {issues.data.map((issue) => (
            <li key={issue.id}>
              <Link to={`/issues/${issue.id}`}>{issue.title}</Link> <span className="muted mono">{issue.shortId}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Deploys({ org, version }: { org: string; version: string }) {
  const deploys = useReleaseDeploys(org, version);
  return (
    <div className="card">
      <h2>Deploys</h2>
      {deploys.isPending ? (
        <Loading />
      ) : deploys.isError ? (
        <ErrorState error={deploys.error} onRetry={() => deploys.refetch()} />
      ) : deploys.data.length === 0 ? (
        <p className="muted">Not deployed yet.</p>
      ) : (
        <ul className="release-deploys">
          {deploys.data.map((deploy) => (
            <li key={deploy.id}>
              <strong>{deploy.environment}</strong>
              {deploy.name ? ` (${deploy.name})` : ''} · <DateTime date={deploy.dateFinished} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Commits({ org, version }: { org: string; version: string }) {
  const commits = useReleaseCommits(org, version);
  return (
    <div className="card">
      <h2>Commits and files changed</h2>
      {commits.isPending ? (
        <Loading />
      ) : commits.isError ? (
        <ErrorState error={commits.error} onRetry={() => commits.refetch()} />
      ) : commits.data.length === 0 ? (
        <p className="muted">
          No commits. Associate them with <code>sentry-cli releases set-commits</code>.
        </p>
      ) : (
        <ul className="release-commits">
          {commits.data.map((commit) => (
            <li key={commit.id}>
              <div>
                <span className="mono">{commit.id.slice(0, 12)}</span> {commit.message?.split('\n')[0] ?? ''}
              </div>
              <div className="muted">
                {commit.author?.name ?? commit.author?.email ?? 'unknown author'}
                {commit.repository ? ` · ${commit.repository.name}` : ''}
                {commit.dateCreated && (
                  <>
                    {' '}
                    · <RelativeTime date={commit.dateCreated} />
                  </>
                )}
              </div>
              {(commit.files?.length ?? 0) > 0 && (
                <ul className="release-files">
                  {commit.files!.map((file) => (
                    <li key={file.filename} className="mono">
                      <span className="file-change">{file.type}</span> {file.filename}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ArtifactBundles({ org, release }: { org: string; release: Release }) {
  return (
    <div className="card">
      <h2>Artifact bundles</h2>
      {release.projects.map((project) => (
        <ProjectBundles key={project.id} org={org} project={project} version={release.version} />
      ))}
    </div>
  );
}

function ProjectBundles({ org, project, version }: { org: string; project: ReleaseProject; version: string }) {
  const bundles = useArtifactBundles(org, project.slug, version);
  if (bundles.isPending) {
    return <Loading />;
  }
  if (bundles.isError) {
    return <ErrorState error={bundles.error} onRetry={() => bundles.refetch()} />;
  }
  if (bundles.data.length === 0) {
    return (
      <p className="muted">
        {project.name}: no source maps uploaded for this release (<code>sentry-cli sourcemaps upload</code>).
      </p>
    );
  }
  return (
    <ul className="release-bundles">
      {bundles.data.map((bundle) => (
        <li key={bundle.bundleId}>
          {project.name}: <span className="mono">{bundle.bundleId}</span> · {bundle.fileCount} files · <RelativeTime date={bundle.dateModified} />
        </li>
      ))}
    </ul>
  );
}
