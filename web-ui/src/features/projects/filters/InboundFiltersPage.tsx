import { useEffect, useState, type FormEvent } from 'react';
import { ProjectSettingsPage } from '../ProjectSettingsPage';
import { ErrorState, Loading } from '../../../ui/states/StateViews';
import {
  LEGACY_BROWSERS,
  useFilterLists,
  useInboundFilters,
  useSaveFilterLists,
  useUpdateFilter,
  type FilterLists,
  type InboundFilter,
} from './api';

/** The project's inbound data filters: Sentry's built-in filters and the three custom lists. */
export function InboundFiltersPage() {
  return (
    <ProjectSettingsPage
      title="Inbound filters"
      intro="Filtered events are dropped before they are grouped or stored, and counted as filtered in the usage stats. Changes apply within 30 seconds."
    >
      {(org, project) => (
        <>
          <InboundFilters org={org} project={project} />
          <CustomFilters org={org} project={project} />
        </>
      )}
    </ProjectSettingsPage>
  );
}

export function InboundFilters({ org, project }: { org: string; project: string }) {
  const filters = useInboundFilters(org, project);
  const update = useUpdateFilter(org, project);
  if (filters.isPending) {
    return <Loading label="Loading filters…" />;
  }
  if (filters.isError) {
    return <ErrorState error={filters.error} onRetry={() => filters.refetch()} />;
  }
  return (
    <div className="card">
      <h2>Built-in filters</h2>
      {update.isError && (
        <p role="alert" className="form-error">
          {update.error.message}
        </p>
      )}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '0.75rem' }}>
        {filters.data.map((filter) => (
          <li key={filter.id}>
            <label className="inline-label">
              <input
                type="checkbox"
                checked={filter.active !== false}
                disabled={update.isPending}
                onChange={(event) => update.mutate({ id: filter.id, active: event.target.checked })}
              />{' '}
              <strong>{filter.name}</strong>
            </label>
            <p className="muted">{describe(filter.description)}</p>
            {filter.id === 'legacy-browsers' && <LegacyBrowsers filter={filter} onChange={(subfilters) => update.mutate({ id: filter.id, subfilters })} disabled={update.isPending} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sentry's descriptions mark code as ``this``. */
function describe(text: string) {
  return text.split('``').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

function LegacyBrowsers({
  filter,
  onChange,
  disabled,
}: {
  filter: InboundFilter;
  onChange: (subfilters: string[]) => void;
  disabled: boolean;
}) {
  const chosen = Array.isArray(filter.active) ? filter.active : [];
  const all = filter.active === true;
  return (
    <fieldset>
      <legend>Browsers</legend>
      {all && <p className="muted">Every browser below its minimum version is filtered. Choose browsers to narrow it.</p>}
      {LEGACY_BROWSERS.map((browser) => (
        <label key={browser.id} className="inline-label">
          <input
            type="checkbox"
            checked={chosen.includes(browser.id)}
            disabled={disabled}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...chosen, browser.id] : chosen.filter((id) => id !== browser.id),
              )
            }
          />{' '}
          {browser.label}
        </label>
      ))}
    </fieldset>
  );
}

const LISTS: Array<{ key: keyof FilterLists; label: string; help: string }> = [
  {
    key: 'filters:error_messages',
    label: 'Error messages',
    help: 'One glob a line, matched against the message and each "Type: value" of the exceptions, e.g. *ConnectionTimeout*.',
  },
  { key: 'filters:releases', label: 'Releases', help: 'One glob a line, e.g. 1.0.0-beta*.' },
  {
    key: 'filters:blacklisted_ips',
    label: 'IP addresses',
    help: 'One IP address or CIDR range a line, e.g. 10.0.0.0/8.',
  },
];

export function CustomFilters({ org, project }: { org: string; project: string }) {
  const lists = useFilterLists(org, project);
  const save = useSaveFilterLists(org, project);
  const [draft, setDraft] = useState<FilterLists | null>(null);
  useEffect(() => {
    if (lists.data) {
      setDraft(lists.data);
    }
  }, [lists.data]);
  if (lists.isPending || (!draft && !lists.isError)) {
    return <Loading label="Loading custom filters…" />;
  }
  if (lists.isError || !draft) {
    return <ErrorState error={lists.error} onRetry={() => lists.refetch()} />;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>Custom filters</h2>
      {LISTS.map((list) => (
        <label key={list.key}>
          <span>{list.label}</span>
          <textarea
            rows={4}
            value={draft[list.key]}
            onChange={(event) => setDraft({ ...draft, [list.key]: event.target.value })}
          />
          <span className="muted">{list.help}</span>
        </label>
      ))}
      {save.isError && (
        <p role="alert" className="form-error">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && !save.isPending && <p role="status">Saved.</p>}
      <button type="submit" className="button" disabled={save.isPending}>
        Save filters
      </button>
    </form>
  );
}
