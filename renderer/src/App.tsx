import { useCallback, useEffect, useState } from 'react';
import { forgetToken, resolveInitialToken, saveToken, takePairingCodeFromHash } from './api/token';
import { ControlPanel } from './components/ControlPanel';
import { SignIn } from './components/SignIn';

/** Sign-in first (pairing or the host token), the control panel once the core has accepted a token. */
export function App() {
  const [pairingCode, setPairingCode] = useState<string | null>(() => takePairingCodeFromHash());
  // undefined: still looking (desktop bridge, localStorage); null: not signed in. A pairing link
  // always asks: it may be meant for a new role, or this is a shared browser.
  const [token, setToken] = useState<string | null | undefined>(() => (pairingCode ? null : undefined));
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (token !== undefined) return;
    resolveInitialToken().then(setToken, () => setToken(null));
  }, [token]);

  const accept = useCallback((accepted: string) => {
    saveToken(accepted);
    setNotice(null);
    setPairingCode(null);
    setToken(accepted);
  }, []);

  useEffect(() => {
    // Opening a pairing link in a tab that already shows the panel only changes the hash.
    const onHashChange = (): void => {
      const code = takePairingCodeFromHash();
      if (code) {
        setPairingCode(code);
        setToken(null);
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const signOut = useCallback((why: string | null) => {
    forgetToken();
    setNotice(why);
    setToken(null);
  }, []);
  const rejected = useCallback(
    () => signOut('DropDeck no longer accepts this device. Pair it again.'),
    [signOut],
  );
  const revoked = useCallback((message: string) => signOut(message), [signOut]);
  const lock = useCallback(() => signOut(null), [signOut]);

  if (token === undefined) return <p className="muted loading">Starting DropDeck…</p>;
  if (token === null) return <SignIn pairingCode={pairingCode} notice={notice} onSignedIn={accept} />;
  return <ControlPanel token={token} onUnauthorized={rejected} onRevoked={revoked} onForgetToken={lock} />;
}
