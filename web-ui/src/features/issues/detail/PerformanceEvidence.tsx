import { Link } from 'react-router';
import type { EvidenceSpan, IssueEvent } from '../../../api/models';
import { KeyValues } from '../../../ui/KeyValues';
import { traceIdOf } from './TraceEvents';

type Role = 'parent' | 'cause' | 'offender';

const ROLE_LABEL: Record<Role, string> = { parent: 'Parent', cause: 'Cause', offender: 'Offending' };

/**
 * What a performance issue's detector found in this event: the problem, the transaction and the
 * spans that are its evidence — the parent, the span that caused it (the list query of an N+1)
 * and the offending spans, in the order they ran — with a link to the whole trace.
 */
export function PerformanceEvidence({ event }: { event: IssueEvent }) {
  const occurrence = event.occurrence;
  if (!occurrence) {
    return null;
  }
  const evidence = occurrence.evidenceData ?? {};
  const spans = (event.entries?.find((e) => e.type === 'spans')?.data as EvidenceSpan[] | undefined) ?? [];
  const role = (id: string): Role =>
    evidence.offenderSpanIds?.includes(id) ? 'offender' : evidence.causeSpanIds?.includes(id) ? 'cause' : 'parent';
  const ordered = [...spans].sort((a, b) => (a.start_timestamp ?? '').localeCompare(b.start_timestamp ?? ''));
  const offending = ordered.filter((span) => role(span.span_id) === 'offender');
  const total = offending.reduce((sum, span) => sum + (span.duration ?? 0), 0);
  const traceId = traceIdOf(event);
  return (
    <section className="card" aria-label="Performance issue">
      <div className="card-header">
        <h2>{occurrence.issueTitle ?? event.title}</h2>
        {traceId && <Link to={`/performance/trace/${traceId}`}>View the whole trace</Link>}
      </div>
      <KeyValues
        rows={[
          ['transaction', evidence.transactionName ?? occurrence.culprit],
          ['problem', occurrence.subtitle],
          ['offending spans', `${offending.length} · ${formatMillis(total)} in total`],
          ...(occurrence.evidenceDisplay ?? [])
            .filter((row) => row.important)
            .map((row): [string, string] => [row.name.toLowerCase(), row.value]),
        ]}
      />
      {ordered.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="group" aria-label="Evidence spans">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Span</th>
                <th scope="col">Op</th>
                <th scope="col">Description</th>
                <th scope="col" className="col-num">
                  Duration
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((span) => (
                <tr key={span.span_id} data-role={role(span.span_id)}>
                  <td>{ROLE_LABEL[role(span.span_id)]}</td>
                  <td>{span.op ?? ''}</td>
                  <td className="mono">{span.description ?? ''}</td>
                  <td className="col-num">{span.duration === undefined ? '' : formatMillis(span.duration)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function formatMillis(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
