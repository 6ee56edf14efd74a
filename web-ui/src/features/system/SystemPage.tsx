import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { StatsSeries } from '../../api/models';
import { TimeSeriesChart } from '../../ui/chart/TimeSeriesChart';
import { RelativeTime } from '../../ui/RelativeTime';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { type DeadLetter, type SystemStatus, useDeadLetter, useDeadLetterAction, useDeadLetters, useSystemStatus } from './api';

/** The instance administrator's system page: health, backlog, stores, disk, volumes and dead letters. */
export function SystemPage() {
  const status = useSystemStatus();
  if (status.isPending) {
    return <Loading />;
  }
  if (status.isError) {
    if (status.error instanceof ApiError && status.error.status === 403) {
      return (
        <EmptyState title="Only the instance administrator can see the system's status.">
          <p>Sign in as the administrator (FAULTLINE_ADMIN_EMAIL) to see queue lag, stores and dead letters.</p>
        </EmptyState>
      );
    }
    return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  }
  const data = status.data;
  return (
    <section className="page system-page">
      <div className="page-header">
        <h1>
          System <span className={data.healthy ? 'badge badge-ok' : 'badge badge-error'}>{data.healthy ? 'healthy' : 'unhealthy'}</span>
        </h1>
        <p className="muted">
          Faultline {data.version} · started <RelativeTime date={data.startedAt} /> · read <RelativeTime date={data.readAt} />
        </p>
      </div>
      <div className="system-grid">
        <QueueCard queue={data.queue} />
        <StoresCard stores={data.stores} schema={data.schema} />
        {data.disk && <DiskCard disk={data.disk} />}
      </div>
      <ProcessedCard processed={data.processed} />
      <DroppedCard dropped={data.dropped} />
      <DeadLettersCard />
    </section>
  );
}

function QueueCard({ queue }: { queue: SystemStatus['queue'] }) {
  return (
    <div className="card" data-testid="queue">
      <div className="card-header">
        <h2>Queue backlog</h2>
        <span className={queue.lag > 0 ? 'badge' : 'badge badge-ok'}>{queue.lag.toLocaleString()} waiting</span>
      </div>
      {queue.error ? (
        <p className="form-error">The queue could not be read: {queue.error}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="muted">Group {queue.group}, per partition</caption>
            <thead>
              <tr>
                <th scope="col">Partition</th>
                <th scope="col">Published</th>
                <th scope="col">Committed</th>
                <th scope="col">Lag</th>
              </tr>
            </thead>
            <tbody>
              {queue.partitions.map((partition) => (
                <tr key={partition.partition}>
                  <td>{partition.partition}</td>
                  <td>{partition.endOffset.toLocaleString()}</td>
                  <td>{partition.committedOffset.toLocaleString()}</td>
                  <td>{partition.lag.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function StoresCard({ stores, schema }: { stores: SystemStatus['stores']; schema: SystemStatus['schema'] }) {
  return (
    <div className="card" data-testid="stores">
      <div className="card-header">
        <h2>Stores</h2>
      </div>
      <ul className="plain-list">
        {stores.map((store) => (
          <li key={store.name}>
            <span className={store.healthy ? 'badge badge-ok' : 'badge badge-error'}>{store.healthy ? 'up' : 'down'}</span> {store.name}{' '}
            <span className="muted">{store.latencyMs.toFixed(1)} ms</span>
          </li>
        ))}
      </ul>
      <p className="muted">
        Schema: {schema.version ? `V${schema.version} (${schema.description})` : `unknown — ${schema.error ?? 'not read'}`}
      </p>
    </div>
  );
}

function DiskCard({ disk }: { disk: NonNullable<SystemStatus['disk']> }) {
  const usedShare = disk.totalBytes > 0 ? 1 - disk.freeBytes / disk.totalBytes : 0;
  return (
    <div className="card" data-testid="disk">
      <div className="card-header">
        <h2>Disk</h2>
        {disk.low && <span className="badge badge-error">below minimum: ingest answers 503</span>}
      </div>
      <meter min={0} max={1} value={usedShare} low={0.7} high={0.9} optimum={0} aria-label="Disk used" />
      <p>
        {bytes(disk.freeBytes)} free of {bytes(disk.totalBytes)} <span className="muted">(minimum {bytes(disk.minFreeBytes)})</span>
      </p>
      <p className="muted path">{disk.path}</p>
    </div>
  );
}

function ProcessedCard({ processed }: { processed: SystemStatus['processed'] }) {
  const series: StatsSeries = processed.map((hour) => [Date.parse(hour.hour) / 1000, hour.accepted]);
  const total = processed.reduce((sum, hour) => sum + hour.accepted, 0);
  return (
    <div className="card" data-testid="processed">
      <div className="card-header">
        <h2>Accepted items, last 24 hours</h2>
        <span className="badge">{total.toLocaleString()}</span>
      </div>
      <TimeSeriesChart series={series} height={140} label="Accepted" />
    </div>
  );
}

function DroppedCard({ dropped }: { dropped: SystemStatus['dropped'] }) {
  return (
    <div className="card" data-testid="dropped">
      <div className="card-header">
        <h2>Dropped items, last 24 hours</h2>
      </div>
      {dropped.length === 0 ? (
        <p className="muted">Nothing was dropped.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Reason</th>
                <th scope="col">Category</th>
                <th scope="col">Items</th>
              </tr>
            </thead>
            <tbody>
              {dropped.map((row) => (
                <tr key={`${row.outcome}/${row.reason}/${row.category}`}>
                  <td>{row.outcome}</td>
                  <td>{row.reason || '—'}</td>
                  <td>{row.category}</td>
                  <td>{row.items.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DeadLettersCard() {
  const letters = useDeadLetters();
  const action = useDeadLetterAction();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="card" data-testid="dead-letters">
      <div className="card-header">
        <h2>Dead letters</h2>
        {letters.data && letters.data.length > 0 && (
          <button
            type="button"
            className="button button-danger"
            disabled={action.isPending}
            onClick={() => {
              if (window.confirm('Purge every dead letter? Their payloads are deleted for good.')) {
                action.mutate({ id: 'all', action: 'purge' });
              }
            }}
          >
            Purge all
          </button>
        )}
      </div>
      <p className="muted">Items the processor could not process, kept sealed for inspection and replay.</p>
      {letters.isPending ? (
        <Loading />
      ) : letters.isError ? (
        <ErrorState error={letters.error} onRetry={() => letters.refetch()} />
      ) : letters.data.length === 0 ? (
        <p className="muted">No dead letters.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Parked</th>
                <th scope="col">Project</th>
                <th scope="col">Item</th>
                <th scope="col">Reason</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {letters.data.map((letter) => (
                <LetterRow
                  key={letter.id}
                  letter={letter}
                  open={open === letter.id}
                  busy={action.isPending}
                  onToggle={() => setOpen(open === letter.id ? null : letter.id)}
                  onReplay={() => action.mutate({ id: letter.id, action: 'replay' })}
                  onPurge={() => action.mutate({ id: letter.id, action: 'purge' })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {action.isError && <p className="form-error">{action.error.message}</p>}
    </div>
  );
}

function LetterRow(props: {
  letter: DeadLetter;
  open: boolean;
  busy: boolean;
  onToggle: () => void;
  onReplay: () => void;
  onPurge: () => void;
}) {
  const { letter } = props;
  return (
    <>
      <tr>
        <td>
          <RelativeTime date={letter.dateParked} />
        </td>
        <td>{letter.projectId}</td>
        <td>
          {letter.itemType}
          {letter.itemIndex >= 0 && <span className="muted"> #{letter.itemIndex}</span>}
        </td>
        <td>
          {letter.reason}
          <div className="muted">{letter.detail}</div>
        </td>
        <td className="actions">
          <button type="button" className="button" aria-expanded={props.open} onClick={props.onToggle}>
            {props.open ? 'Hide' : 'Inspect'}
          </button>
          <button type="button" className="button" disabled={props.busy} onClick={props.onReplay}>
            Replay
          </button>
          <button type="button" className="button button-danger" disabled={props.busy} onClick={props.onPurge}>
            Purge
          </button>
        </td>
      </tr>
      {props.open && (
        <tr>
          <td colSpan={5}>
            <LetterPayload id={letter.id} />
          </td>
        </tr>
      )}
    </>
  );
}

function LetterPayload({ id }: { id: string }) {
  const letter = useDeadLetter(id);
  if (letter.isPending) {
    return <Loading />;
  }
  if (letter.isError) {
    return <ErrorState error={letter.error} />;
  }
  const payload = letter.data.payload;
  return (
    <pre className="code-block bounded" tabIndex={0} aria-label="Payload">
      {payload ? (payload.encoding === 'base64' ? `(base64) ${payload.data}` : payload.data) : '(no payload)'}
    </pre>
  );
}

function bytes(value: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let size = value;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${size.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
