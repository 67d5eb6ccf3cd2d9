import { z } from 'zod';
import { command } from '../command';
import { NoInput } from '../fields';

export const HealthSchema = z.object({ ok: z.literal(true), version: z.string(), serverTime: z.int() });

export const healthCommands = {
  'health:get': command({
    access: 'public',
    method: 'GET',
    path: '/api/health',
    input: NoInput,
    output: HealthSchema,
    summary: 'Liveness and clock (no token)',
  }),
};
