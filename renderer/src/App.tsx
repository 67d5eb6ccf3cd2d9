import { useCallback, useEffect, useState } from 'react';
import { forgetToken, resolveInitialToken, saveToken, takeTokenFromHash } from './api/token';
import { ControlPanel } from './components/ControlPanel';
import { TokenGate } from './components/TokenGate';

/** Token gate first, control panel once the core has accepted a token. */
export function App() {
  // undefined: still looking (desktop bridge, #token=, localStorage); null: ask the host.
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    resolveInitialToken().then(setToken, () => setToken(null));
  }, []);

  const accept = useCallback((accepted: string) => {
    saveToken(accepted);
    setNotice(null);
    setToken(accepted);
  }, []);

  useEffect(() => {
    // Opening the printed `#token=` link in a tab that already shows the panel only changes the hash.
    const onHashChange = (): void => {
      const fromHash = takeTokenFromHash();
      if (fromHash) accept(fromHash);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [accept]);
  const rejected = useCallback(() => {
    forgetToken();
    setNotice('DropDeck did not accept the saved host token. Paste the current one.');
    setToken(null);
  }, []);
  const lock = useCallback(() => {
    forgetToken();
    setNotice(null);
    setToken(null);
  }, []);

  if (token === undefined) return <p className="muted loading">Starting DropDeck…</p>;
  if (token === null) return <TokenGate notice={notice} onAccepted={accept} />;
  return <ControlPanel token={token} onUnauthorized={rejected} onForgetToken={lock} />;
}
