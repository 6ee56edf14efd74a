import { Link } from 'react-router';
import type { Project } from '../../api/models';

/** Per platform family: the setting that turns tracing on, as the SDK spells it. */
const TRACING: Array<{ prefix: string; sdk: string; setting: string }> = [
  // First match wins: javascript before java.
  {
    prefix: 'javascript',
    sdk: 'the browser (@sentry/browser)',
    setting: 'Sentry.init({ dsn, integrations: [Sentry.browserTracingIntegration()], tracesSampleRate: 1.0 })',
  },
  { prefix: 'java-spring', sdk: 'Spring Boot (sentry-spring-boot-starter)', setting: 'sentry.traces-sample-rate=1.0' },
  { prefix: 'java', sdk: 'Java (io.sentry:sentry)', setting: 'options.setTracesSampleRate(1.0);' },
  { prefix: 'python', sdk: 'Python (sentry-sdk)', setting: 'sentry_sdk.init(dsn=…, traces_sample_rate=1.0)' },
  { prefix: 'node', sdk: 'Node.js (@sentry/node)', setting: 'Sentry.init({ dsn, tracesSampleRate: 1.0 })' },
  { prefix: 'go', sdk: 'Go (sentry-go)', setting: 'sentry.ClientOptions{EnableTracing: true, TracesSampleRate: 1.0}' },
  { prefix: 'csharp', sdk: '.NET (Sentry)', setting: 'options.TracesSampleRate = 1.0;' },
  { prefix: 'ruby', sdk: 'Ruby (sentry-ruby)', setting: 'config.traces_sample_rate = 1.0' },
  { prefix: 'php', sdk: 'PHP (sentry/sentry)', setting: "'traces_sample_rate' => 1.0" },
];

export function tracingSetting(platform: string | null | undefined) {
  return TRACING.find((entry) => platform?.startsWith(entry.prefix));
}

/** What to send to see performance data: tracing enabled in the project's SDK. */
export function TracingHint({ project }: { project?: Project }) {
  const known = tracingSetting(project?.platform);
  return (
    <>
      <p>
        Transactions and spans appear here once an SDK sends them: enable tracing with a sample rate above zero
        {known ? <> — for {known.sdk}:</> : ' (tracesSampleRate, traces_sample_rate or the SDK’s equivalent).'}
      </p>
      {known && <pre className="code-block tracing-setting">{known.setting}</pre>}
      {project && (
        <p>
          <Link to={`/projects/${project.slug}`}>The DSN and setup snippet of {project.name}</Link>
        </p>
      )}
    </>
  );
}
