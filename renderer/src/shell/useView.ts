import { useCallback, useEffect, useState } from 'react';
import { viewFromHash, type PanelRole, type PanelViewId } from './views';

/**
 * The open screen lives in the URL hash (`#/links`), so a reload or the phone's back button keeps the
 * host where they were. The pairing link's `#pair=…` is consumed before the panel mounts. The screen
 * is derived on render, so it follows the role once the core has said who this device is.
 */
export function useView(role: PanelRole): [PanelViewId, (id: PanelViewId) => void] {
  const [hash, setHash] = useState(() => window.location.hash);

  useEffect(() => {
    const onHash = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const open = useCallback((id: PanelViewId) => {
    window.location.hash = `#/${id}`;
    setHash(`#/${id}`);
  }, []);
  return [viewFromHash(hash, role), open];
}
