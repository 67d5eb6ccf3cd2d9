import { useEffect, useMemo, useState, type Dispatch } from 'react';
import type { PanelAction } from '../lib/panel-state';
import { createHubSocket, isAuthRefusal, type HubSocket } from './hub';
import { watchForWake } from './wake-detector';

export type HubStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

/** Why the connection dropped and how long it was gone, for the banner; null on the first connect. */
export interface HubOutage {
  /** Set when the device itself slept (rather than the core or the Wi-Fi going away). */
  sleptMs: number | null;
  since: number;
  /** When the hub answered again; null while still reconnecting. */
  backAt: number | null;
}

/**
 * Connects to the control hub for as long as the panel is mounted and turns its events into panel
 * actions. Socket.io reconnects by itself; this hook reports where it stands, and after a sleep it
 * reconnects right away. `epoch` counts reconnections, so screens refetch what patches they missed.
 */
export function useHub(
  token: string,
  dispatch: Dispatch<PanelAction>,
  onRevoked: (message: string) => void,
): { socket: HubSocket; status: HubStatus; outage: HubOutage | null; epoch: number } {
  const socket = useMemo(() => createHubSocket(token), [token]);
  const [status, setStatus] = useState<HubStatus>('connecting');
  const [outage, setOutage] = useState<HubOutage | null>(null);
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    const s = socket;
    let everConnected = false;
    const lost = (sleptMs: number | null): void =>
      setOutage((o) =>
        o && o.backAt === null
          ? { ...o, sleptMs: sleptMs ?? o.sleptMs }
          : { sleptMs, since: Date.now(), backAt: null },
      );
    s.on('connect', () => {
      setStatus('connected');
      if (everConnected) {
        setEpoch((e) => e + 1);
        setOutage((o) => (o ? { ...o, backAt: Date.now() } : o));
      }
      everConnected = true;
    });
    s.on('disconnect', () => {
      setStatus('reconnecting');
      lost(null);
    });
    s.on('connect_error', (error) => {
      if (isAuthRefusal(error)) {
        setStatus('refused');
        s.disconnect();
      } else {
        setStatus(everConnected ? 'reconnecting' : 'connecting');
        if (everConnected) lost(null);
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
    const stopWatching = watchForWake((sleptMs) => {
      if (!everConnected) return;
      // The old connection is almost certainly dead: drop it and dial again now.
      lost(sleptMs);
      setStatus('reconnecting');
      s.disconnect().connect();
    });
    return () => {
      stopWatching();
      s.off();
      s.disconnect();
    };
  }, [socket, dispatch, onRevoked]);

  return { socket, status, outage, epoch };
}
