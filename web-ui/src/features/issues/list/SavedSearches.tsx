import { useState, type FormEvent } from 'react';
import { useDeleteSearch, useSaveSearch, useSavedSearches } from '../api';
import type { SavedSearch } from '../../../api/models';

/** The organization's saved searches: pick one, save the current query, delete one's own. */
export function SavedSearches({
  org,
  query,
  sort,
  onPick,
}: {
  org: string;
  query: string;
  sort: string;
  onPick: (search: SavedSearch) => void;
}) {
  const searches = useSavedSearches(org);
  const save = useSaveSearch(org);
  const remove = useDeleteSearch(org);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      return;
    }
    save.mutate(
      { name: name.trim(), query, sort },
      {
        onSuccess: () => {
          setNaming(false);
          setName('');
        },
      },
    );
  };

  return (
    <section className="saved-searches" aria-label="Saved searches">
      <span className="muted small">Saved searches:</span>
      {searches.isError && <span className="form-error small">{searches.error.message}</span>}
      <ul className="saved-search-list">
        {(searches.data ?? []).map((search) => (
          <li key={search.id} className={search.query === query ? 'saved-search saved-search-current' : 'saved-search'}>
            <button type="button" className="link-button" title={search.query} onClick={() => onPick(search)}>
              {search.name}
            </button>
            {!search.isGlobal && search.visibility !== 'organization' && (
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete saved search ${search.name}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate(search.id)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {naming ? (
        <form className="inline-form" onSubmit={submit}>
          <input aria-label="Name of the saved search" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button button-small" disabled={save.isPending || !name.trim()}>
            Save
          </button>
          <button type="button" className="button button-small" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="button button-small" onClick={() => setNaming(true)}>
          Save current search
        </button>
      )}
      {(save.error ?? remove.error) && (
        <p className="form-error" role="alert">
          {(save.error ?? remove.error)!.message}
        </p>
      )}
    </section>
  );
}
