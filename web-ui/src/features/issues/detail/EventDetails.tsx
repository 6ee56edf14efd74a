import type { Breadcrumb, ExceptionValue, IssueEvent, RequestData, ThreadValue } from '../../../api/models';
import { Breadcrumbs } from './Breadcrumbs';
import { KeyValues } from './KeyValues';
import { Exceptions, ThreadStack } from './StackTrace';

function entry<T>(event: IssueEvent, type: string): T | undefined {
  return event.entries?.find((e) => e.type === type)?.data as T | undefined;
}

function headersOf(request: RequestData): Array<[string, unknown]> {
  if (!request.headers) {
    return [];
  }
  return Array.isArray(request.headers) ? request.headers : Object.entries(request.headers);
}

/** Everything the latest (or chosen) event of an issue carries, section by section. */
export function EventDetails({ event }: { event: IssueEvent }) {
  const exception = entry<{ values?: ExceptionValue[] | null }>(event, 'exception');
  const breadcrumbs = entry<{ values?: Breadcrumb[] | null }>(event, 'breadcrumbs');
  const request = entry<RequestData>(event, 'request');
  const message = entry<{ formatted?: string | null; message?: string | null }>(event, 'message');
  const messageText = message?.formatted ?? message?.message ?? (exception ? null : event.message);
  const contexts = Object.entries(event.contexts ?? {});
  // Message events sent with attachStacktrace carry the stack in the crashed or current thread.
  const threads = entry<{ values?: ThreadValue[] | null }>(event, 'threads');
  const thread = threads?.values?.find((t) => t.crashed) ?? threads?.values?.find((t) => t.current) ?? threads?.values?.[0];
  const threadFrames = thread?.stacktrace?.frames ?? [];
  return (
    <div className="event-details">
      <section className="card" aria-label="Event summary">
        <KeyValues
          rows={[
            ['event id', event.eventID],
            ['date', event.dateCreated],
            ['release', event.release?.version],
            ['environment', event.environment],
            ['platform', event.platform],
            ['sdk', event.sdk ? `${event.sdk.name ?? ''} ${event.sdk.version ?? ''}`.trim() : undefined],
          ]}
        />
      </section>
      {messageText && (
        <section className="card" aria-label="Message">
          <h2>Message</h2>
          <pre className="code-block">{messageText}</pre>
        </section>
      )}
      {exception?.values && exception.values.length > 0 && <Exceptions values={exception.values} />}
      {!exception?.values?.length && threadFrames.length > 0 && <ThreadStack frames={threadFrames} name={thread?.name} />}
      {breadcrumbs && <Breadcrumbs values={breadcrumbs.values ?? []} />}
      {request && (
        <section className="card" aria-label="Request">
          <h2>Request</h2>
          <p className="mono">
            {request.method ?? 'GET'} {request.url}
          </p>
          <KeyValues rows={[['query', request.query], ['body', request.data], ...headersOf(request)]} />
        </section>
      )}
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
      {contexts.length > 0 && (
        <section className="card" aria-label="Contexts">
          <h2>Contexts</h2>
          <div className="contexts">
            {contexts.map(([name, values]) => (
              <div key={name} className="context">
                <h3>{name}</h3>
                <KeyValues rows={Object.entries(values ?? {}).filter(([key]) => key !== 'type')} />
              </div>
            ))}
          </div>
        </section>
      )}
      <details className="card raw-json">
        <summary>Raw event JSON</summary>
        <pre className="code-block">{JSON.stringify(event, null, 2)}</pre>
      </details>
    </div>
  );
}
