import type { Link } from '../../../shared/links';
import { systemActor, type Actor } from '../devices/principal';
import { notFound } from '../domain-error';
import type { DropEngine } from '../drops/drop-engine';
import type { LinkService } from '../links/link-service';
import type { ChatRepo } from '../store/chat-repo';

/** The touchpoint spoken paths are credited to. */
export const AUDIO_TOUCHPOINT = 'audio';
const ACTOR = systemActor('vanity');

/**
 * Short, speakable paths per drop (`/go/tote`) for audio-only shows: each resolves, at the moment
 * someone types it, to the current link of the `audio` touchpoint, so those sales count for audio.
 */
export class VanityPaths {
  constructor(
    private readonly d: {
      repo: Pick<ChatRepo, 'setVanity' | 'vanityDrop'>;
      engine: Pick<DropEngine, 'get'>;
      links: Pick<LinkService, 'current'>;
      clock: { now(): number };
      publicUrl: () => string;
    },
  ) {}

  set(dropId: number, path: string, _actor: Actor): { path: string; url: string; dropId: number } {
    if (!this.d.engine.get(dropId)) throw notFound(`Drop ${dropId}`);
    this.d.repo.setVanity(path, dropId, this.d.clock.now());
    return { path, url: `${this.d.publicUrl()}/go/${path}`, dropId };
  }

  /** The link to send the listener to, or null when the path names nothing on air. */
  resolve(path: string): Link | null {
    const dropId = this.d.repo.vanityDrop(path.toLowerCase());
    if (dropId === null) return null;
    const drop = this.d.engine.get(dropId);
    if (!drop || drop.state === 'draft') return null;
    return this.d.links.current(drop.id, AUDIO_TOUCHPOINT, ACTOR);
  }
}
