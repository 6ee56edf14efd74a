import { useEffect, useRef } from 'react';

/** Single-key shortcuts of a page: key → action. Keys typed into a field or with a modifier are left alone. */
export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

export function useShortcuts(shortcuts: ShortcutMap) {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) {
        return;
      }
      const action = current.current[event.key];
      if (action) {
        event.preventDefault();
        action(event);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Focuses the page's search bar (the `/` shortcut). */
export function focusSearch(): void {
  document.querySelector<HTMLInputElement>('[data-search-input]')?.focus();
}
