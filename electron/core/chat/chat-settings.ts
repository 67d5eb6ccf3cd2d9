import { z } from 'zod';
import type { ChatPublicSettings } from '../../../shared/chat-events';
import { CHAT_MAX_LENGTH } from '../../../shared/chat-events';
import type { SettingsRepo } from '../store/settings-repo';

export const ANNOUNCE_MOMENTS = ['started', 'half', 'last10', 'lastMinute', 'soldOut', 'restocked'] as const;
export type AnnounceMoment = (typeof ANNOUNCE_MOMENTS)[number];

export const ChatSettingsSchema = z.object({
  slowModeSec: z.int().min(0).max(600),
  retentionDays: z.int().min(1).max(3650),
  wordFilter: z.array(z.string().trim().min(1).max(40)).max(200),
  /** At most one announcement per drop per this many seconds (started and sold out always go out). */
  announceGapSec: z.int().min(0).max(3600),
  templates: z.partialRecord(z.enum(ANNOUNCE_MOMENTS), z.string().min(1).max(280)),
});
export type ChatSettings = z.infer<typeof ChatSettingsSchema>;

export const DEFAULT_CHAT_SETTINGS: ChatSettings = {
  slowModeSec: 0,
  retentionDays: 30,
  wordFilter: [],
  announceGapSec: 20,
  templates: {},
};

const KEY = 'chat';

/** Chat settings, kept as one JSON value in the settings table; unreadable values fall back to defaults. */
export class ChatSettingsStore {
  private cached: ChatSettings;

  constructor(private readonly repo: SettingsRepo) {
    const parsed = ChatSettingsSchema.partial().safeParse(repo.get<unknown>(KEY) ?? {});
    this.cached = { ...DEFAULT_CHAT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  }

  get(): ChatSettings {
    return this.cached;
  }

  update(patch: Partial<ChatSettings>): ChatSettings {
    this.cached = ChatSettingsSchema.parse({ ...this.cached, ...patch });
    this.repo.set(KEY, this.cached);
    return this.cached;
  }

  publicView(): ChatPublicSettings {
    return { slowModeSec: this.cached.slowModeSec, maxLength: CHAT_MAX_LENGTH };
  }
}

/** Whole words of the filter list are masked (case-insensitive); the rest of the message stays. */
export function applyWordFilter(body: string, words: readonly string[]): string {
  let out = body;
  for (const w of words) {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), (m) =>
      '*'.repeat(m.length),
    );
  }
  return out;
}
