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
    // obs-websocket refuses transition durations outside 50..20000 ms.
    durationMs: z.int().min(50).max(20_000).optional(),
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

/** POST /api/obs/connect. Omitted fields keep the stored value; `password: ""` clears it. */
export const ObsConnectBodySchema = z
  .object({
    url: z
      .url({
        protocol: /^wss?$/,
        message: 'url must be a ws:// or wss:// address such as ws://127.0.0.1:4455',
      })
      .max(500)
      .optional(),
    password: z.string().max(500).optional(),
  })
  .strict();
export type ObsConnectBody = z.infer<typeof ObsConnectBodySchema>;

/** GET /api/obs/scenes, in the order OBS's Scenes dock shows them (top first). */
export const ObsSceneListSchema = z.object({
  currentProgramScene: z.string().nullable(),
  scenes: z.array(z.string()),
});
export type ObsSceneList = z.infer<typeof ObsSceneListSchema>;

/** The overlay pages the core serves; each becomes one OBS browser source. */
export const OVERLAY_KINDS = ['timer', 'qr', 'ticker', 'chat'] as const;
export const OverlayKindSchema = z.enum(OVERLAY_KINDS);
export type OverlayKind = z.infer<typeof OverlayKindSchema>;

const SceneName = z.string().trim().min(1).max(200);

/**
 * POST /api/obs/overlays/setup. Put the overlays into an existing `scene`, or into a `dedicatedScene`
 * (created when missing, to nest into other scenes); neither means a dedicated "DropDeck Overlays".
 */
export const OverlaySetupBodySchema = z
  .object({
    scene: SceneName.optional(),
    dedicatedScene: SceneName.optional(),
    /** Pin the overlays to one drop; without it the pages follow the live drop. */
    dropId: z.int().positive().optional(),
    overlays: z.array(OverlayKindSchema).min(1).max(OVERLAY_KINDS.length).optional(),
  })
  .strict()
  .refine((b) => !(b.scene && b.dedicatedScene), {
    message: 'give either scene or dedicatedScene, not both',
    path: ['dedicatedScene'],
  });
export type OverlaySetupBody = z.infer<typeof OverlaySetupBodySchema>;

export const OverlaySetupResultSchema = z.object({
  scene: z.string(),
  sceneCreated: z.boolean(),
  canvas: z.object({ width: z.int(), height: z.int() }),
  sources: z.array(
    z.object({
      overlay: OverlayKindSchema,
      inputName: z.string(),
      url: z.string(),
      /** `created` the first time; `updated` when setup runs again (nothing is duplicated). */
      action: z.enum(['created', 'updated']),
      sceneItemId: z.int(),
    }),
  ),
});
export type OverlaySetupResult = z.infer<typeof OverlaySetupResultSchema>;

/** Mirrors `StreamHealth` in hub-events.ts, for the HTTP description of GET /api/obs/health. */
export const StreamHealthSchema = z.object({
  streaming: z.boolean(),
  recording: z.boolean(),
  reconnecting: z.boolean(),
  streamTimecode: z.string().nullable(),
  outputSkippedFrames: z.number(),
  outputTotalFrames: z.number(),
  renderSkippedFrames: z.number(),
  renderTotalFrames: z.number(),
  cpuUsage: z.number(),
  memoryUsageMb: z.number(),
  activeFps: z.number(),
  at: z.int(),
});

/** Mirrors `ObsActionFailure` in hub-events.ts. */
export const ObsActionFailureSchema = z.object({
  dropId: z.int(),
  moment: z.string(),
  message: z.string(),
  at: z.int(),
});
