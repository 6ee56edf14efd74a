import type { Breadcrumb, ExceptionValue, IssueEvent, RequestData, ThreadValue } from '../../../api/models';
import { DateTime } from '../../../ui/RelativeTime';
import { Breadcrumbs } from './Breadcrumbs';
import {
  ContextCards,
  ExtraSection,
  MetaSection,
  ModulesSection,
  RawJson,
  RequestSection,
  SdkSection,
  ThreadsSection,
} from './EventSections';
import { KeyValues } from '../../../ui/KeyValues';
import { Exceptions, ThreadStack } from './StackTrace';
import { PerformanceEvidence } from './PerformanceEvidence';
import { TraceEvents } from './TraceEvents';

function entry<T>(event: IssueEvent, type: string): T | undefined {
  return event.entries?.find((e) => e.type === type)?.data as T | undefined;
}

/** Everything the latest (or chosen) event of an issue carries, section by section, in Sentry's order. */
export function EventDetails({ event }: { event: IssueEvent }) {
  const exception = entry<{ values?: ExceptionValue[] | null }>(event, 'exception');
  const breadcrumbs = entry<{ values?: Breadcrumb[] | null }>(event, 'breadcrumbs');
  const request = entry<RequestData>(event, 'request');
  const message = entry<{ formatted?: string | null; message?: string | null }>(event, 'message');
  const messageText = message?.formatted ?? message?.message ?? (exception ? null : event.message);
  const threads = entry<{ values?: ThreadValue[] | null }>(event, 'threads')?.values ?? [];
  const hasException = (exception?.values?.length ?? 0) > 0;
  // A message event sent with attachStacktrace carries its stack in the crashed or current thread.
  const soleThread = hasException
    ? undefined
    : (threads.find((t) => t.crashed) ?? threads.find((t) => t.current) ?? threads[0]);
  const handled = exception?.values?.at(-1)?.mechanism?.handled;
  return (
    <div className="event-details">
      <section className="card" aria-label="Event summary">
        <KeyValues
          rows={[
            ['event id', event.eventID],
            ['occurred', <DateTime key="d" date={event.dateCreated} />],
            ['received', event.dateReceived ? <DateTime key="r" date={event.dateReceived} /> : undefined],
            ['handled', handled === undefined || handled === null ? undefined : handled ? 'yes' : 'no'],
            ['release', event.release?.version],
            ['environment', event.environment],
            ['dist', event.dist],
            ['platform', event.platform],
            ['sdk', event.sdk ? `${event.sdk.name ?? ''} ${event.sdk.version ?? ''}`.trim() : undefined],
          ]}
        />
      </section>
      <MetaSection event={event} />
      <PerformanceEvidence event={event} />
      {messageText && (
        <section className="card" aria-label="Message">
          <h2>Message</h2>
          <pre className="code-block" tabIndex={0}>
            {messageText}
          </pre>
        </section>
      )}
      {hasException && <Exceptions values={exception!.values!} platform={event.platform} />}
      {soleThread && (soleThread.stacktrace?.frames?.length ?? 0) > 0 && (
        <ThreadStack frames={soleThread.stacktrace!.frames!} name={soleThread.name} />
      )}
      {threads.length > 1 && <ThreadsSection threads={threads} />}
      {breadcrumbs && <Breadcrumbs values={breadcrumbs.values ?? []} />}
      {request && <RequestSection request={request} />}
      {event.user && (
        <section className="card" aria-label="User">
          <h2>User</h2>
          <KeyValues
            rows={[
              ['id', event.user.id],
              ['email', event.user.email],
              ['username', event.user.username],
              ['ip address', event.user.ip_address],
              ['name', event.user.name],
              ...Object.entries(event.user.data ?? {}),
            ]}
          />
        </section>
      )}
      {event.tags && event.tags.length > 0 && (
        <section className="card" aria-label="Tags">
          <h2>Tags</h2>
          <ul className="tags">
            {event.tags.map((tag) => (
              <li key={tag.key} className="tag">
                <span className="tag-key">{tag.key}</span>
                <span className="tag-value">{tag.value}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <TraceEvents event={event} />
      <ContextCards contexts={event.contexts ?? {}} />
      <ExtraSection extra={event.context ?? {}} />
      <ModulesSection packages={event.packages ?? {}} />
      {event.sdk && <SdkSection sdk={event.sdk} />}
      <RawJson event={event} />
    </div>
  );
}
