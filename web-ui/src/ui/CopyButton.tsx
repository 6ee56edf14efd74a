import { useState } from 'react';

/** Copies text with the Clipboard API, falling back to a hidden textarea where it is unavailable. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
      } else {
        const area = document.createElement('textarea');
        area.value = text;
        document.body.appendChild(area);
        area.select();
        document.execCommand('copy');
        area.remove();
      }
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    window.setTimeout(() => setCopied(null), 2000);
  };
  return (
    <button type="button" className="button button-small" onClick={copy}>
      {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
