import { useCallback, useEffect, useState } from 'react';
import type { Device } from '../../../shared/devices';
import type { Result } from '../../../shared/result';
import { usePanel } from '../api/panel-context';

export type LoadState = 'loading' | 'ready' | 'error';

export interface DevicesData {
  devices: Device[];
  state: LoadState;
  error: string | null;
  /** Reloads quietly: the list stays on screen while the new one comes. */
  reload: () => Promise<void>;
}

/** The paired devices, shared by the device list and the audit log's device filter. */
export function useDevices(): DevicesData {
  const { api } = usePanel();
  const [devices, setDevices] = useState<Device[]>([]);
  const [state, setState] = useState<LoadState>('loading');
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback((result: Result<Device[]>) => {
    if (result.ok) {
      setDevices(result.value);
      setState('ready');
      setError(null);
    } else {
      setState('error');
      setError(result.error.message);
    }
  }, []);

  const reload = useCallback(async () => apply(await api.call('device:list', {})), [api, apply]);

  useEffect(() => {
    let live = true;
    void api.call('device:list', {}).then((result) => {
      if (live) apply(result);
    });
    return () => {
      live = false;
    };
  }, [api, apply]);

  return { devices, state, error, reload };
}
