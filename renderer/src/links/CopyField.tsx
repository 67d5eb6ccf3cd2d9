import { useEffect, useId, useRef, useState } from 'react';

type Outcome = 'copied' | 'selected' | null;

/**
 * A URL in a read-only, wrapping box with a Copy button. Plain-http LAN pages (a co-host's phone) have no
 * clipboard API, so the fallback selects the text and tries the old copy command; when even that is
 * refused, the text stays selected and the note says how to finish by hand.
 */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  // Remembered with the value it was about, so a new URL in the box never says "Copied".
  const [done, setDone] = useState<{ value: string; outcome: Outcome }>({ value, outcome: null });
  const outcome = done.value === value ? done.outcome : null;
  const setOutcome = (o: Outcome): void => setDone({ value, outcome: o });

  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setDone((d) => ({ ...d, outcome: null })), 4000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
      return;
    } catch {
      // Fall through to selecting the text.
    }
    input.current?.focus();
    input.current?.select();
    // execCommand is deprecated but is the only copy path left on insecure origins.
    const done = document.execCommand('copy');
    setOutcome(done ? 'copied' : 'selected');
  };

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        {/* A textarea, so the whole URL wraps into view on a phone instead of scrolling out of sight. */}
        <textarea
          id={id}
          ref={input}
          readOnly
          rows={value.length > 44 ? 2 : 1}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {outcome === 'copied' ? 'Copied' : 'Copy'}
          <span className="visually-hidden"> {label}</span>
        </button>
      </div>
      <p className="copy-field__note" role="status">
        {outcome === 'copied' && 'Copied to the clipboard.'}
        {outcome === 'selected' && 'Selected — press Ctrl+C (or long-press → Copy) to copy it.'}
      </p>
    </div>
  );
}
