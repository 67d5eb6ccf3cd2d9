import { useCallback, useState } from 'react';

const KEY = 'dropdeck.dismissedAlarms';

function read(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Alarms the host dismissed stay dismissed while this tab lives, across screen switches and
 * reloads; a new cause has a new id, so it shows again.
 */
export function useDismissedAlarms(): [ReadonlySet<string>, (id: string) => void] {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(read);
  const dismiss = useCallback((id: string) => {
    setDismissed((set) => {
      const next = new Set(set).add(id);
      try {
        sessionStorage.setItem(KEY, JSON.stringify([...next].slice(-50)));
      } catch {
        // Private mode or a full storage: dismissed for this screen visit only.
      }
      return next;
    });
  }, []);
  return [dismissed, dismiss];
}
