import { useEffect, useMemo, useState, type Dispatch } from 'react';
import type { PanelAction } from '../lib/panel-state';
import { createHubSocket, isAuthRefusal, type HubSocket } from './hub';

export type HubStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

/**
 * Connects to the control hub for as long as the panel is mounted and turns its events into panel
 * actions. Socket.io reconnects by itself; this hook only reports where it stands.
 */
export function useHub(
  token: string,
  dispatch: Dispatch<PanelAction>,
  onRevoked: (message: string) => void,
): { socket: HubSocket; status: HubStatus } {
  const socket = useMemo(() => createHubSocket(token), [token]);
  const [status, setStatus] = useState<HubStatus>('connecting');

  useEffect(() => {
    const s = socket;
    s.on('connect', () => setStatus('connected'));
    s.on('disconnect', () => setStatus('reconnecting'));
    s.on('connect_error', (error) => {
      if (isAuthRefusal(error)) {
        setStatus('refused');
        s.disconnect();
      } else {
        setStatus('reconnecting');
      }
    });
    s.on('state:init', (snapshot) => dispatch({ type: 'snapshot', snapshot }));
    s.on('drop:updated', (drop) => dispatch({ type: 'drop', drop }));
    s.on('stats:updated', (patch) => dispatch({ type: 'stats', patch }));
    s.on('obs:status', (obsStatus) => dispatch({ type: 'obs', status: obsStatus }));
    s.on('obs:health', (health) => dispatch({ type: 'health', health }));
    s.on('store:health', (store) => dispatch({ type: 'store', store }));
    s.on('relay:status', (relay) => dispatch({ type: 'relay', relay }));
    // The host revoked this device: the hub says so just before it drops the socket.
    s.on('session:revoked', ({ message }) => {
      s.disconnect();
      onRevoked(message);
    });
    s.connect();
    return () => {
      s.off();
      s.disconnect();
    };
  }, [socket, dispatch, onRevoked]);

  return { socket, status };
}
