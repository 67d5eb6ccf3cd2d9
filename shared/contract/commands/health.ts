import { z } from 'zod';
import { RelayStatusSchema } from '../../relay';
import { command } from '../command';
import { NoInput } from '../fields';

/** Mirrors `StoreHealth` in hub-events.ts (the hub pushes the same reading as `store:health`). */
export const StoreHealthSchema = z.object({
  state: z.enum(['ok', 'degraded']),
  pendingScans: z.int(),
  since: z.int().nullable(),
  lastError: z.string().nullable(),
  droppedScans: z.int(),
});

export const HealthSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  serverTime: z.int(),
  /** `degraded` while scans can't be written (they wait in memory and are retried). */
  store: StoreHealthSchema,
});

export const healthCommands = {
  'health:get': command({
    access: 'public',
    method: 'GET',
    path: '/api/health',
    input: NoInput,
    output: HealthSchema,
    summary: 'Liveness, clock and whether scans reach the store (no token)',
  }),
  'relay:status': command({
    access: 'host',
    method: 'GET',
    path: '/api/relay/status',
    input: NoInput,
    output: RelayStatusSchema,
    summary: 'Edge relay: reachable or not, sync lag, scans ingested (state "off" when none is configured)',
  }),
};
