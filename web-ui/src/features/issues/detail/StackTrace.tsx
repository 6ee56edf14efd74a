import { useState } from 'react';
import type { ExceptionValue, Frame } from '../../../api/models';

/**
 * Chained exceptions, the most recent (the one thrown last) first, each followed by its cause.
 * Sentry lists `values` oldest first and frames oldest call first; both are shown reversed.
 */
export function Exceptions({ values }: { values: ExceptionValue[] }) {
  const anyInApp = values.some((value) => value.stacktrace?.frames?.some((frame) => frame.inApp));
  const anySystem = values.some((value) => value.stacktrace?.frames?.some((frame) => !frame.inApp));
  const [showAll, setShowAll] = useState(!anyInApp);
  const ordered = [...values].reverse();
  return (
    <section className="card" aria-label="Exception">
      <div className="card-header">
        <h2>Exception</h2>
        {anyInApp && anySystem && (
          <label className="toggle">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all frames
          </label>
        )}
      </div>
      {ordered.map((value, index) => (
        <div key={index} className="exception">
          {index > 0 && <p className="caused-by">Caused by</p>}
          <h3 className="exception-title">
            <span className="exception-type">{value.type ?? 'Error'}</span>
            {value.value && <span className="exception-value">: {value.value}</span>}
          </h3>
          {value.mechanism && (
            <p className="muted small">
              mechanism: {value.mechanism.type ?? 'generic'}
              {value.mechanism.handled === false && <span className="badge badge-error">unhandled</span>}
            </p>
          )}
          <Frames frames={value.stacktrace?.frames ?? []} showAll={showAll} />
        </div>
      ))}
    </section>
  );
}

export function Frames({ frames, showAll }: { frames: Frame[]; showAll: boolean }) {
  const newestFirst = [...frames].reverse();
  const visible = showAll ? newestFirst : newestFirst.filter((frame) => frame.inApp);
  if (frames.length === 0) {
    return <p className="muted">No stack trace was sent with this exception.</p>;
  }
  const hidden = newestFirst.length - visible.length;
  // The most recent frame that has source context starts open.
  const firstWithContext = visible.findIndex((frame) => (frame.context?.length ?? 0) > 0);
  return (
    <>
      <ol className="frames">
        {visible.map((frame, index) => (
          <FrameRow key={index} frame={frame} expanded={index === firstWithContext} />
        ))}
      </ol>
      {hidden > 0 && <p className="muted small">{hidden} system frames hidden.</p>}
    </>
  );
}

export function frameLocation(frame: Frame): string {
  const file = frame.filename || frame.absPath || frame.module || '<unknown>';
  if (frame.lineNo == null) {
    return file;
  }
  return `${file}:${frame.lineNo}${frame.colNo != null ? ':' + frame.colNo : ''}`;
}

function FrameRow({ frame, expanded }: { frame: Frame; expanded: boolean }) {
  const [open, setOpen] = useState(expanded);
  const hasContext = (frame.context?.length ?? 0) > 0;
  return (
    <li className={frame.inApp ? 'frame frame-in-app' : 'frame'} data-testid="frame">
      <button
        type="button"
        className="frame-header"
        onClick={() => setOpen(!open)}
        aria-expanded={hasContext ? open : undefined}
        disabled={!hasContext}
      >
        <span className="frame-file mono">{frameLocation(frame)}</span>
        {frame.function && (
          <span className="frame-function mono">
            {' '}
            in {frame.function}
          </span>
        )}
        {frame.inApp && <span className="badge badge-in-app">in app</span>}
      </button>
      {open && hasContext && (
        <pre className="frame-context">
          {frame.context!.map(([line, code]) => (
            <div key={line} className={line === frame.lineNo ? 'context-line context-current' : 'context-line'}>
              <span className="line-number">{line}</span>
              <span className="line-code">{code}</span>
            </div>
          ))}
        </pre>
      )}
    </li>
  );
}

/** The stack of a thread (message events with attachStacktrace), with the same in-app toggle. */
export function ThreadStack({ frames, name }: { frames: Frame[]; name?: string | null }) {
  const anyInApp = frames.some((frame) => frame.inApp);
  const anySystem = frames.some((frame) => !frame.inApp);
  const [showAll, setShowAll] = useState(!anyInApp);
  return (
    <section className="card" aria-label="Stack trace">
      <div className="card-header">
        <h2>Stack trace{name ? ` (thread ${name})` : ''}</h2>
        {anyInApp && anySystem && (
          <label className="toggle">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all frames
          </label>
        )}
      </div>
      <Frames frames={frames} showAll={showAll} />
    </section>
  );
}
