import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BUILT_IN_KEYS, FIXED_VALUES, quoteValue, replaceToken, tokenAt } from './searchSyntax';

export type ValueSource = (key: string, prefix: string, signal?: AbortSignal) => Promise<string[]>;

interface Props {
  /** The submitted query (from the URL). */
  value: string;
  onSubmit: (query: string) => void;
  /** Tag keys of the project, suggested after the built-in keys. */
  tagKeys?: string[];
  /** Values of a key starting with a prefix; `sourceId` names it in the cache. */
  values?: ValueSource;
  sourceId?: string;
  /** An error of the last search (a 400's detail), shown under the bar. */
  error?: string | null;
  label?: string;
  placeholder?: string;
  /** The keys suggested first; the issue search's built-in keys unless a page searches something else. */
  builtInKeys?: string[];
}

interface Suggestion {
  label: string;
  /** The text that replaces the token. */
  insert: string;
}

/** A Sentry-syntax search input with key and value suggestions. */
export function SearchBar({
  value,
  onSubmit,
  tagKeys = [],
  values,
  sourceId = '',
  error,
  label = 'Search',
  placeholder,
  builtInKeys = BUILT_IN_KEYS,
}: Props) {
  const [draft, setDraft] = useState(value);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const errorId = useId();

  useEffect(() => {
    setDraft(value);
    setCaret(value.length);
  }, [value]);

  const token = tokenAt(draft, caret);
  const fixed = token.key !== undefined ? FIXED_VALUES[token.key] : undefined;
  const remote = useQuery({
    queryKey: ['search-values', sourceId, token.key, token.text],
    queryFn: ({ signal }) => values!(token.key!, token.text, signal),
    enabled: open && !!values && token.key !== undefined && token.key !== '' && !fixed,
    staleTime: 30_000,
  });

  const suggestions = useMemo((): Suggestion[] => {
    if (token.key === undefined) {
      const prefix = token.text.toLowerCase();
      const keys = [...builtInKeys, ...tagKeys.filter((key) => !builtInKeys.includes(key))];
      return keys
        .filter((key) => key.toLowerCase().startsWith(prefix))
        .slice(0, 20)
        .map((key) => ({ label: `${key}:`, insert: `${key}:` }));
    }
    const candidates = fixed ?? remote.data ?? [];
    return candidates
      .filter((candidate) => candidate.toLowerCase().startsWith(token.text.toLowerCase()))
      .slice(0, 20)
      .map((candidate) => ({ label: candidate, insert: `${token.key}:${quoteValue(candidate)} ` }));
  }, [token.key, token.text, tagKeys, builtInKeys, fixed, remote.data]);

  const showList = open && suggestions.length > 0;

  const edit = (text: string, at: number) => {
    setDraft(text);
    setCaret(at);
    setActive(-1);
    setOpen(true);
  };

  const pick = (suggestion: Suggestion) => {
    const next = replaceToken(draft, token, suggestion.insert);
    edit(next.text, next.caret);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setOpen(false);
    setActive(-1);
    onSubmit(draft.trim());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && showList && active >= 0) {
      event.preventDefault();
      pick(suggestions[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <form className="search-bar" role="search" onSubmit={submit}>
      <div className="search-field">
        <input
          ref={input}
          data-search-input
          type="text"
          role="combobox"
          aria-label={label}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder ?? 'is:unresolved level:error browser:Chrome'}
          value={draft}
          onChange={(e) => edit(e.target.value, e.target.selectionStart ?? e.target.value.length)}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? draft.length)}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {showList && (
          <ul id={listId} role="listbox" className="suggestions" aria-label="Suggestions">
            {suggestions.map((suggestion, index) => (
              <li
                key={suggestion.insert}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'suggestion suggestion-active' : 'suggestion'}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(suggestion);
                }}
              >
                {suggestion.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="submit" className="button">
        Search
      </button>
      {error && (
        <p id={errorId} className="form-error search-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
