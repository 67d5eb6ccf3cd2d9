import { z } from 'zod';

/** What the host sees at a glance. `auth-failed` and `kicked` never auto-reconnect. */
export const OBS_CONNECTION_STATES = [
  'disconnected',
  'connecting',
  'connected',
  'auth-failed',
  'kicked',
] as const;
export const ObsConnectionStateSchema = z.enum(OBS_CONNECTION_STATES);
export type ObsConnectionState = z.infer<typeof ObsConnectionStateSchema>;

export const ObsStatusSchema = z.object({
  state: ObsConnectionStateSchema,
  url: z.string(),
  /** Human-readable reason for the last state change ("wrong password", "OBS closed"...). */
  message: z.string().nullable(),
  obsVersion: z.string().nullable(),
  websocketVersion: z.string().nullable(),
  /** Epoch ms of the next automatic reconnect attempt, if one is scheduled. */
  nextRetryAt: z.int().nullable(),
  since: z.int(),
});
export type ObsStatus = z.infer<typeof ObsStatusSchema>;

/** One OBS step a drop runs at a moment of its life. Sent to OBS as one request batch. */
export const ObsActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('switchScene'), scene: z.string().min(1) }),
  z.object({
    type: z.literal('setItemVisible'),
    scene: z.string().min(1),
    source: z.string().min(1),
    visible: z.boolean(),
  }),
  z.object({
    type: z.literal('setTransition'),
    transition: z.string().min(1),
    durationMs: z.int().min(0).max(20_000).optional(),
  }),
]);
export type ObsAction = z.infer<typeof ObsActionSchema>;

export const ObsDropActionsSchema = z
  .object({
    start: z.array(ObsActionSchema).max(20).optional(),
    lastMinute: z.array(ObsActionSchema).max(20).optional(),
    soldOut: z.array(ObsActionSchema).max(20).optional(),
    end: z.array(ObsActionSchema).max(20).optional(),
  })
  .strict();
export type ObsDropActions = z.infer<typeof ObsDropActionsSchema>;
export type ObsDropMoment = keyof ObsDropActions;
