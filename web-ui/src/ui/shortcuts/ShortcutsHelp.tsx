import { useState } from 'react';
import { useShortcuts } from './useShortcuts';

export const LIST_SHORTCUTS: Array<[string, string]> = [
  ['j / k', 'Move to the next / previous issue'],
  ['x', 'Select or unselect the focused issue'],
  ['r', 'Resolve the selected (or focused) issues'],
  ['i', 'Ignore the selected (or focused) issues'],
  ['Enter', 'Open the focused issue'],
  ['/', 'Search'],
  ['?', 'Show this help'],
];

export const DETAIL_SHORTCUTS: Array<[string, string]> = [
  ['r', 'Resolve'],
  ['i', 'Ignore'],
  ['n / p', 'Next / previous issue of the list (or newer / older event)'],
  ['/', 'Search the events'],
  ['?', 'Show this help'],
];

/** The `?` help: a dialog listing a page's shortcuts; Escape or the button closes it. */
export function ShortcutsHelp({ shortcuts }: { shortcuts: Array<[string, string]> }) {
  const [open, setOpen] = useState(false);
  useShortcuts({ '?': () => setOpen((value) => !value), Escape: () => setOpen(false) });
  if (!open) {
    return null;
  }
  return (
    <div className="dialog-backdrop" onClick={() => setOpen(false)}>
      <div role="dialog" aria-label="Keyboard shortcuts" className="dialog card" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table className="table">
          <tbody>
            {shortcuts.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
