import { useCallback, useEffect, useState } from 'react';
import { estimateOffset, type ClockSample } from './clock';
import type { HubSocket } from './hub';
import type { ApiClient } from './http';

const PINGS = 5;
const RESYNC_MS = 60_000;
const PING_TIMEOUT_MS = 3_000;

function pingOnce(socket: HubSocket): Promise<ClockSample | null> {
  return new Promise((resolve) => {
    const sentAt = Date.now();
    socket.timeout(PING_TIMEOUT_MS).emit('clock:ping', sentAt, (error: Error | null, serverTime: number) => {
      resolve(error ? null : { sentAt, serverTime, receivedAt: Date.now() });
    });
  });
}

async function sampleHub(socket: HubSocket): Promise<ClockSample[]> {
  const samples: ClockSample[] = [];
  // Sequential on purpose: parallel pings queue behind each other and inflate every round trip.
  for (let i = 0; i < PINGS && socket.connected; i++) {
    const sample = await pingOnce(socket);
    if (sample) samples.push(sample);
  }
  return samples;
}

async function sampleHttp(api: ApiClient): Promise<ClockSample[]> {
  const sentAt = Date.now();
  const health = await api.call('health:get', {});
  return health.ok ? [{ sentAt, serverTime: health.value.serverTime, receivedAt: Date.now() }] : [];
}

/**
 * Offset between this device's clock and the core's. A first estimate comes over HTTP right away;
 * once the hub is connected it is refined with `clock:ping` and refreshed every minute.
 * Returns `serverNow()`, stable across renders, for countdowns.
 */
export function useServerClock(api: ApiClient, socket: HubSocket, connected: boolean): () => number {
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const apply = (samples: ClockSample[]): void => {
      const estimate = estimateOffset(samples);
      if (!cancelled && estimate !== null) setOffset(estimate);
    };
    const run = async (): Promise<void> => {
      apply(connected ? await sampleHub(socket) : await sampleHttp(api));
    };
    void run();
    const timer = connected ? window.setInterval(() => void run(), RESYNC_MS) : undefined;
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [api, socket, connected]);

  return useCallback(() => Date.now() + offset, [offset]);
}
