import { useState } from 'react';
import type { ExceptionValue, Frame, Mechanism, Stacktrace } from '../../../api/models';
import { KeyValues } from '../../../ui/KeyValues';

/** How a stack is shown: in-app frames only or all of them, as received (minified) or resolved, or as text. */
interface View {
  full: boolean;
  raw: boolean;
  minified: boolean;
}

function StackToggles({
  view,
  setView,
  canFilter,
  canUnminify,
}: {
  view: View;
  setView: (view: View) => void;
  canFilter: boolean;
  canUnminify: boolean;
}) {
  return (
    <div className="stack-toggles" role="group" aria-label="Stack trace view">
      {canFilter && (
        <label className="toggle">
          <input type="checkbox" checked={view.full} onChange={(e) => setView({ ...view, full: e.target.checked })} /> Show all
          frames
        </label>
      )}
      {canUnminify && (
        <label className="toggle">
          <input type="checkbox" checked={view.minified} onChange={(e) => setView({ ...view, minified: e.target.checked })} />{' '}
          Minified
        </label>
      )}
      <label className="toggle">
        <input type="checkbox" checked={view.raw} onChange={(e) => setView({ ...view, raw: e.target.checked })} /> Raw
      </label>
    </div>
  );
}

const framesOf = (stack: Stacktrace | null | undefined) => stack?.frames ?? [];

/**
 * Chained exceptions, the most recent (the one thrown last) first, each followed by its cause.
 * Sentry lists `values` oldest first and frames oldest call first; both are shown reversed.
 */
export function Exceptions({ values, platform }: { values: ExceptionValue[]; platform?: string | null }) {
  const allFrames = values.flatMap((value) => framesOf(value.stacktrace));
  const anyInApp = allFrames.some((frame) => frame.inApp);
  const anySystem = allFrames.some((frame) => !frame.inApp);
  const canUnminify = values.some((value) => framesOf(value.rawStacktrace).length > 0);
  const [view, setView] = useState<View>({ full: !anyInApp, raw: false, minified: false });
  const ordered = [...values].reverse();
  const stackOf = (value: ExceptionValue) => (view.minified && value.rawStacktrace ? value.rawStacktrace : value.stacktrace);
  return (
    <section className="card" aria-label="Exception">
      <div className="card-header">
        <h2>Exception</h2>
        <StackToggles view={view} setView={setView} canFilter={anyInApp && anySystem} canUnminify={canUnminify} />
      </div>
      {view.raw ? (
        <pre className="code-block raw-stack" data-testid="raw-stack" tabIndex={0}>
          {ordered.map((value, index) => rawException(value, stackOf(value), index > 0, platform)).join('\n')}
        </pre>
      ) : (
        ordered.map((value, index) => (
          <div key={index} className="exception">
            {index > 0 && <p className="caused-by">Caused by</p>}
            <h3 className="exception-title">
              <span className="exception-type">{value.type ?? 'Error'}</span>
              {value.value && <span className="exception-value">: {value.value}</span>}
            </h3>
            {value.mechanism && <MechanismLine mechanism={value.mechanism} />}
            <Frames frames={framesOf(stackOf(value))} showAll={view.full} />
          </div>
        ))
      )}
    </section>
  );
}

/** "handled: yes/no", the mechanism's type and what else it says (description, help link, data). */
export function MechanismLine({ mechanism }: { mechanism: Mechanism }) {
  const handled = mechanism.handled;
  return (
    <div className="mechanism" data-testid="mechanism">
      <span className={handled === false ? 'badge badge-error' : 'badge badge-ok'}>
        handled: {handled === false ? 'no' : handled === true ? 'yes' : 'unknown'}
      </span>
      <span className="badge">mechanism: {mechanism.type ?? 'generic'}</span>
      {mechanism.synthetic && <span className="badge">synthetic</span>}
      {mechanism.description && <span className="muted">{mechanism.description}</span>}
      {mechanism.help_link && (
        <a href={mechanism.help_link} target="_blank" rel="noreferrer noopener">
          help
        </a>
      )}
      {mechanism.data && Object.keys(mechanism.data).length > 0 && (
        <span className="muted small mono">{Object.entries(mechanism.data).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ')}</span>
      )}
    </div>
  );
}

/** The stack as the platform prints it (Java's `at …(File.java:12)`, else `at fn (file:line:col)`). */
export function rawException(
  value: ExceptionValue,
  stack: Stacktrace | null | undefined,
  cause: boolean,
  platform?: string | null,
): string {
  const java = platform === 'java';
  const head = `${cause ? 'Caused by: ' : ''}${value.module && java ? value.module + '.' : ''}${value.type ?? 'Error'}${
    value.value ? ': ' + value.value : ''
  }`;
  const lines = [...framesOf(stack)].reverse().map((frame) => {
    if (java) {
      const where = frame.filename ? `${frame.filename}${frame.lineNo != null ? ':' + frame.lineNo : ''}` : 'Unknown Source';
      return `\tat ${frame.module ? frame.module + '.' : ''}${frame.function ?? '?'}(${where})`;
    }
    return `    at ${frame.function ?? '?'} (${frameLocation(frame)})`;
  });
  return [head, ...lines].join('\n');
}

export function Frames({ frames, showAll }: { frames: Frame[]; showAll: boolean }) {
  const newestFirst = [...frames].reverse();
  const visible = showAll ? newestFirst : newestFirst.filter((frame) => frame.inApp);
  if (frames.length === 0) {
    return <p className="muted">No stack trace was sent with this exception.</p>;
  }
  const hidden = newestFirst.length - visible.length;
  // The most recent frame with source context or variables starts open.
  const firstOpen = visible.findIndex((frame) => hasDetail(frame));
  return (
    <>
      <ol className="frames">
        {visible.map((frame, index) => (
          <FrameRow key={index} frame={frame} expanded={index === firstOpen} />
        ))}
      </ol>
      {hidden > 0 && <p className="muted small">{hidden} system frames hidden.</p>}
    </>
  );
}

function hasDetail(frame: Frame): boolean {
  return (frame.context?.length ?? 0) > 0 || Object.keys(frame.vars ?? {}).length > 0;
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
  const detail = hasDetail(frame);
  const vars = Object.entries(frame.vars ?? {});
  return (
    <li className={frame.inApp ? 'frame frame-in-app' : 'frame'} data-testid="frame">
      <button
        type="button"
        className="frame-header"
        onClick={() => setOpen(!open)}
        aria-expanded={detail ? open : undefined}
        disabled={!detail}
      >
        <span className="frame-file mono">{frameLocation(frame)}</span>
        {frame.function && (
          <span className="frame-function mono">
            {' '}
            in {frame.function}
          </span>
        )}
        {frame.inApp && <span className="badge badge-in-app">in app</span>}
        {vars.length > 0 && <span className="badge">{vars.length} vars</span>}
      </button>
      {open && (frame.context?.length ?? 0) > 0 && (
        <pre className="frame-context" tabIndex={0} aria-label={`Source around ${frameLocation(frame)}`}>
          {frame.context!.map(([line, code]) => (
            <div key={line} className={line === frame.lineNo ? 'context-line context-current' : 'context-line'}>
              <span className="line-number">{line}</span>
              <span className="line-code">{code}</span>
            </div>
          ))}
        </pre>
      )}
      {open && vars.length > 0 && (
        <div className="frame-vars" data-testid="frame-vars">
          <KeyValues rows={vars} />
        </div>
      )}
    </li>
  );
}

/** The stack of a thread (message events with attachStacktrace), with the same toggles. */
export function ThreadStack({ frames, name }: { frames: Frame[]; name?: string | null }) {
  const anyInApp = frames.some((frame) => frame.inApp);
  const anySystem = frames.some((frame) => !frame.inApp);
  const [view, setView] = useState<View>({ full: !anyInApp, raw: false, minified: false });
  return (
    <section className="card" aria-label="Stack trace">
      <div className="card-header">
        <h2>Stack trace{name ? ` (thread ${name})` : ''}</h2>
        <StackToggles view={view} setView={setView} canFilter={anyInApp && anySystem} canUnminify={false} />
      </div>
      {view.raw ? (
        <pre className="code-block raw-stack" tabIndex={0}>{rawException({ type: 'Thread', value: name }, { frames }, false)}</pre>
      ) : (
        <Frames frames={frames} showAll={view.full} />
      )}
    </section>
  );
}
