import { useState } from 'react';
import { Link } from 'react-router';
import type { EventSdk, IssueEvent, RequestData, ThreadValue } from '../../../api/models';
import { CopyButton } from '../../../ui/CopyButton';
import { KeyValues } from '../../../ui/KeyValues';
import { Frames } from './StackTrace';

type Pairs = Array<[string, string]>;

/** Sentry renders headers, query and cookies as `[name, value]` pairs; older payloads use objects or text. */
export function pairsOf(value: RequestData['headers'] | RequestData['cookies'] | RequestData['query'], separator = '&'): Pairs {
  if (!value) {
    return [];
  }
  if (Array.isArray(value)) {
    return value.map(([k, v]) => [String(k), v == null ? '' : String(v)]);
  }
  if (typeof value === 'string') {
    return value
      .replace(/^\?/, '')
      .split(separator)
      .filter(Boolean)
      .map((part) => {
        const [k, ...rest] = part.split('=');
        return [k.trim(), rest.join('=').trim()];
      });
  }
  return Object.entries(value).map(([k, v]) => [k, v == null ? '' : String(v)]);
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a cURL command: method, URL with its query, headers, cookies, body. */
export function toCurl(request: RequestData): string {
  const method = (request.method ?? 'GET').toUpperCase();
  const query = pairsOf(request.query);
  let url = request.url ?? '';
  if (query.length > 0 && !url.includes('?')) {
    url += '?' + query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  }
  const parts = ['curl'];
  if (method !== 'GET') {
    parts.push(`-X ${method}`);
  }
  parts.push(shellQuote(url));
  const headers = pairsOf(request.headers);
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'cookie') {
      parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  const cookies = pairsOf(request.cookies, ';');
  if (cookies.length > 0) {
    parts.push(`-H ${shellQuote(`Cookie: ${cookies.map(([k, v]) => `${k}=${v}`).join('; ')}`)}`);
  }
  if (request.data !== undefined && request.data !== null && request.data !== '') {
    parts.push(`--data ${shellQuote(typeof request.data === 'string' ? request.data : JSON.stringify(request.data))}`);
  }
  return parts.join(' \\\n  ');
}

function PairTable({ title, pairs }: { title: string; pairs: Pairs }) {
  if (pairs.length === 0) {
    return null;
  }
  return (
    <div className="request-part">
      <h3>{title}</h3>
      <KeyValues rows={pairs} />
    </div>
  );
}

export function RequestSection({ request }: { request: RequestData }) {
  const env = Object.entries(request.env ?? {});
  return (
    <section className="card" aria-label="Request">
      <div className="card-header">
        <h2>Request</h2>
        <CopyButton text={toCurl(request)} label="Copy as cURL" />
      </div>
      <p className="mono request-line">
        <strong>{request.method ?? 'GET'}</strong> {request.url}
        {request.fragment ? `#${request.fragment}` : ''}
      </p>
      <PairTable title="Query" pairs={pairsOf(request.query)} />
      {request.data !== undefined && request.data !== null && request.data !== '' && (
        <div className="request-part">
          <h3>Body</h3>
          <pre className="code-block bounded" tabIndex={0}>{typeof request.data === 'string' ? request.data : JSON.stringify(request.data, null, 2)}</pre>
        </div>
      )}
      <PairTable title="Headers" pairs={pairsOf(request.headers)} />
      <PairTable title="Cookies" pairs={pairsOf(request.cookies, ';')} />
      {env.length > 0 && (
        <div className="request-part">
          <h3>Environment</h3>
          <KeyValues rows={env} />
        </div>
      )}
    </section>
  );
}

/** Threads with their state; the crashed (else current) one is chosen first and its stack shown. */
export function ThreadsSection({ threads }: { threads: ThreadValue[] }) {
  const initial = Math.max(
    0,
    threads.findIndex((t) => t.crashed),
  );
  const [chosen, setChosen] = useState(threads[initial]?.crashed ? initial : Math.max(0, threads.findIndex((t) => t.current)));
  const thread = threads[chosen];
  const frames = thread?.stacktrace?.frames ?? [];
  const [full, setFull] = useState(!frames.some((f) => f.inApp));
  const label = (t: ThreadValue) =>
    `#${t.id ?? '?'} ${t.name ?? ''}${t.crashed ? ' (crashed)' : t.current ? ' (current)' : ''}${t.state ? ` — ${t.state}` : ''}`.trim();
  return (
    <section className="card" aria-label="Threads">
      <div className="card-header">
        <h2>Threads ({threads.length})</h2>
        <label className="inline-label">
          Thread{' '}
          <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
            {threads.map((t, index) => (
              <option key={index} value={index}>
                {label(t)}
              </option>
            ))}
          </select>
        </label>
        {frames.some((f) => f.inApp) && frames.some((f) => !f.inApp) && (
          <label className="toggle">
            <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} /> Show all frames
          </label>
        )}
      </div>
      {thread && (
        <>
          <p className="muted small" data-testid="thread-summary">
            {label(thread)}
          </p>
          {frames.length > 0 ? <Frames frames={frames} showAll={full} /> : <p className="muted">No stack trace for this thread.</p>}
        </>
      )}
    </section>
  );
}

/** Readable field names of the well-known contexts; other keys are shown as sent. */
const CONTEXT_TITLES: Record<string, string> = {
  device: 'Device',
  os: 'Operating system',
  client_os: 'Client OS',
  browser: 'Browser',
  runtime: 'Runtime',
  app: 'App',
  gpu: 'GPU',
  culture: 'Culture',
  trace: 'Trace',
  cloud_resource: 'Cloud resource',
  response: 'Response',
  state: 'State',
};

function contextHeadline(name: string, values: Record<string, unknown>): string {
  const text = (key: string) => (values[key] === undefined || values[key] === null ? '' : String(values[key]));
  switch (values.type ?? name) {
    case 'device':
      return [text('manufacturer') || text('brand'), text('model') || text('family'), text('arch')].filter(Boolean).join(' ');
    case 'culture':
      return [text('locale'), text('timezone')].filter(Boolean).join(' · ');
    case 'gpu':
      return [text('vendor_name'), text('name')].filter(Boolean).join(' ');
    case 'app':
      return [text('app_name'), text('app_version')].filter(Boolean).join(' ');
    case 'trace':
      return text('op');
    default:
      return [text('name'), text('version')].filter(Boolean).join(' ');
  }
}

/** Each context as a card: a title, a one-line summary and its fields. The trace id opens the trace and searches its issues. */
export function ContextCards({ contexts }: { contexts: Record<string, Record<string, unknown>> }) {
  const entries = Object.entries(contexts).filter(([, values]) => values && typeof values === 'object');
  if (entries.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-label="Contexts">
      <h2>Contexts</h2>
      <div className="contexts">
        {entries.map(([name, values]) => {
          const title = CONTEXT_TITLES[String(values.type ?? name)] ?? name;
          const headline = contextHeadline(name, values);
          const traceId = (values.type ?? name) === 'trace' ? values.trace_id : undefined;
          return (
            <div key={name} className="context" data-testid="context-card" data-context={name}>
              <h3>
                {title}
                {title !== name && <span className="muted small mono"> {name}</span>}
              </h3>
              {headline && <p className="context-headline">{headline}</p>}
              {typeof traceId === 'string' && (
                <p className="context-links">
                  <Link to={`/performance/trace/${traceId}`} className="mono">
                    View trace {traceId.slice(0, 8)}…
                  </Link>
                  <Link to={`/issues?query=${encodeURIComponent(`trace:${traceId}`)}`} className="mono">
                    Issues of trace {traceId.slice(0, 8)}…
                  </Link>
                </p>
              )}
              <KeyValues rows={Object.entries(values).filter(([key]) => key !== 'type')} />
            </div>
          );
        })}
      </div>
    </section>
  );
}

export function ExtraSection({ extra }: { extra: Record<string, unknown> }) {
  const rows = Object.entries(extra);
  if (rows.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-label="Additional data">
      <h2>Additional data</h2>
      <KeyValues rows={rows} pretty />
    </section>
  );
}

/** The event's `modules`: loaded packages and their versions; long lists start folded. */
export function ModulesSection({ packages }: { packages: Record<string, string> }) {
  const rows = Object.entries(packages).sort(([a], [b]) => a.localeCompare(b));
  const [open, setOpen] = useState(rows.length <= 12);
  if (rows.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-label="Packages">
      <div className="card-header">
        <h2>Packages ({rows.length})</h2>
        {rows.length > 12 && (
          <button type="button" className="button button-small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Show fewer' : 'Show all'}
          </button>
        )}
      </div>
      <KeyValues rows={open ? rows : rows.slice(0, 12)} />
    </section>
  );
}

export function SdkSection({ sdk }: { sdk: EventSdk }) {
  const integrations = sdk.integrations ?? [];
  const packages = sdk.packages ?? [];
  return (
    <section className="card" aria-label="SDK">
      <h2>SDK</h2>
      <KeyValues
        rows={[
          ['name', sdk.name],
          ['version', sdk.version],
          ...packages.map((p, i): [string, unknown] => [`package ${i + 1}`, `${p.name ?? ''} ${p.version ?? ''}`.trim()]),
        ]}
      />
      {integrations.length > 0 && (
        <>
          <h3>Integrations ({integrations.length})</h3>
          <ul className="tags" aria-label="Integrations">
            {integrations.map((name) => (
              <li key={name} className="tag">
                <span className="tag-value">{name}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export interface MetaRemark {
  path: string;
  what: string;
}

const RULES: Record<string, string> = {
  '!limit': 'trimmed to the size limit',
  '@password': 'password filter',
  '@creditcard': 'credit card filter',
  '@ip': 'IP address filter',
  '@email': 'email filter',
  '@iban': 'IBAN filter',
  '@bearer': 'bearer token filter',
  '@urlauth': 'URL credentials filter',
  '@userpath': 'user path filter',
  '@pemkey': 'PEM key filter',
  '@usssn': 'US SSN filter',
};

const KINDS: Record<string, string> = { s: 'substituted', x: 'removed', m: 'masked', p: 'pseudonymized', e: 'encrypted' };

/** Flattens `_meta` (a tree mirroring the event, with `""` nodes holding remarks) into one line per change. */
export function metaRemarks(meta: unknown, path: string[] = []): MetaRemark[] {
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) {
    return [];
  }
  const remarks: MetaRemark[] = [];
  for (const [key, value] of Object.entries(meta as Record<string, unknown>)) {
    if (key === '' && value && typeof value === 'object') {
      const node = value as { rem?: unknown[][]; len?: number; err?: unknown[] };
      const what: string[] = [];
      for (const rem of node.rem ?? []) {
        const rule = String(rem[0] ?? '');
        const kind = KINDS[String(rem[1] ?? '')] ?? String(rem[1] ?? '');
        what.push(`${kind} by ${RULES[rule] ?? `rule ${rule}`}`);
      }
      if (typeof node.len === 'number') {
        what.push(`original length ${node.len}`);
      }
      for (const err of node.err ?? []) {
        const [reason, details] = Array.isArray(err) ? err : [err];
        const why = details && typeof details === 'object' && 'reason' in details ? `: ${String((details as { reason: unknown }).reason)}` : '';
        what.push(`dropped as ${String(reason)}${why}`);
      }
      if (what.length > 0) {
        remarks.push({ path: path.join('.') || '(event)', what: what.join('; ') });
      }
    } else {
      remarks.push(...metaRemarks(value, [...path, key]));
    }
  }
  return remarks;
}

/** What processing changed: scrubbed, trimmed or invalid values, with the reason. */
export function MetaSection({ event }: { event: IssueEvent }) {
  const remarks = metaRemarks(event._meta);
  const errors = event.errors ?? [];
  if (remarks.length === 0 && errors.length === 0) {
    return null;
  }
  return (
    <section className="card meta-card" aria-label="Processing changes">
      <h2>Scrubbed, trimmed or dropped</h2>
      <ul className="meta-remarks">
        {remarks.map((remark) => (
          <li key={remark.path} data-testid="meta-remark">
            <span className="meta-marker" aria-hidden="true">
              ⚑
            </span>{' '}
            <code>{remark.path}</code>: {remark.what}
          </li>
        ))}
        {errors.map((error, index) => (
          <li key={`e${index}`} data-testid="meta-remark">
            <span className="meta-marker" aria-hidden="true">
              ⚑
            </span>{' '}
            <code>{error.name ?? error.type}</code>: {error.message ?? error.type}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The event as JSON in a bounded, scrollable box, with copy and download. */
export function RawJson({ event }: { event: IssueEvent }) {
  const [open, setOpen] = useState(false);
  const text = JSON.stringify(event, null, 2);
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `event-${event.eventID}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="card raw-json" aria-label="Raw event JSON">
      <div className="card-header">
        <h2>
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            Raw event JSON
          </button>
        </h2>
        <div className="actions">
          <CopyButton text={text} label="Copy JSON" />
          <button type="button" className="button button-small" onClick={download}>
            Download
          </button>
        </div>
      </div>
      {open && (
        <pre className="code-block bounded" tabIndex={0} aria-label="Event JSON">
          {text}
        </pre>
      )}
    </section>
  );
}
