import { useEffect, useState, type FormEvent } from 'react';
import { ProjectSettingsPage } from '../ProjectSettingsPage';
import { ErrorState, Loading } from '../../../ui/states/StateViews';
import {
  DETECTORS,
  usePerformanceIssueSettings,
  useResetPerformanceIssueSettings,
  useSavePerformanceIssueSettings,
  type PerformanceIssueSettings,
} from './api';

/** Which performance problems the processor turns into issues for this project, and their thresholds. */
export function PerformanceIssuesPage() {
  return (
    <ProjectSettingsPage
      title="Performance issues"
      intro={
        <>
          The processor looks for these problems in every transaction and span stream and groups each kind into
          issues of its own (search them with <code>issue.category:performance</code>). Changes apply within 30
          seconds.
        </>
      }
    >
      {(org, project) => <PerformanceIssueSettingsForm org={org} project={project} />}
    </ProjectSettingsPage>
  );
}

export function PerformanceIssueSettingsForm({ org, project }: { org: string; project: string }) {
  const settings = usePerformanceIssueSettings(org, project);
  const save = useSavePerformanceIssueSettings(org, project);
  const reset = useResetPerformanceIssueSettings(org, project);
  const [draft, setDraft] = useState<PerformanceIssueSettings>({});
  useEffect(() => {
    if (settings.data) {
      setDraft(settings.data);
    }
  }, [settings.data]);
  if (settings.isPending) {
    return <Loading label="Loading settings…" />;
  }
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  }
  const changed = Object.fromEntries(Object.entries(draft).filter(([key, value]) => settings.data[key] !== value));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(changed);
  };
  const busy = save.isPending || reset.isPending;
  return (
    <form className="card" onSubmit={submit} aria-label="Performance issue settings">
      {(save.isError || reset.isError) && (
        <p role="alert" className="form-error">
          {(save.error ?? reset.error)?.message}
        </p>
      )}
      {DETECTORS.map((detector) => (
        <fieldset key={detector.key} disabled={busy}>
          <legend>
            <label className="inline-label">
              <input
                type="checkbox"
                checked={draft[detector.key] === true}
                onChange={(event) => setDraft({ ...draft, [detector.key]: event.target.checked })}
              />{' '}
              <strong>{detector.label}</strong>
            </label>
          </legend>
          {detector.thresholds.map((threshold) => (
            <label key={threshold.key}>
              {threshold.label}
              {threshold.unit && ` (${threshold.unit})`}
              <input
                type="number"
                min={0}
                step="any"
                value={String(draft[threshold.key] ?? '')}
                disabled={draft[detector.key] !== true}
                onChange={(event) => setDraft({ ...draft, [threshold.key]: Number(event.target.value) })}
              />
            </label>
          ))}
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || Object.keys(changed).length === 0}>
          Save
        </button>{' '}
        <button type="button" className="button" disabled={busy} onClick={() => reset.mutate()}>
          Reset to defaults
        </button>
        {save.isSuccess && Object.keys(changed).length === 0 && <span role="status"> Saved.</span>}
      </div>
    </form>
  );
}
