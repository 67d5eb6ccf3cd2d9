import type { ChatAction } from '../../../shared/chat-events';
import type { Clock } from '../clock';
import { systemActor } from '../devices/principal';
import type { DropEngine } from '../drops/drop-engine';
import type { LinkService } from '../links/link-service';
import type { Logger } from '../log';
import type { ChatRepo } from '../store/chat-repo';
import { currentDrop, price, timeText } from './drop-facts';

/** The chat's own touchpoint: sales through `!link` and `!claim` are attributed to chat. */
export const CHAT_TOUCHPOINT = 'chat';
/** A claim link lives long enough to tap through to the checkout, not much longer. */
export const CLAIM_TTL_SEC = 15 * 60;
/** The same public answer at most this often; within it, a web viewer gets it to themselves. */
const PUBLIC_COOLDOWN_MS = 5_000;
const ACTOR = systemActor('chat');

export interface CommandReply {
  text: string;
  dropId: number | null;
  /** Only for the asker (a claim link is theirs: it is how the ledger credits them). */
  quiet: boolean;
  action?: ChatAction;
}

export interface CommandAsker {
  senderKey: string;
  displayName: string;
  source: string;
}

export interface ChatCommandsDeps {
  engine: Pick<DropEngine, 'list'>;
  links: Pick<LinkService, 'current' | 'create'>;
  repo: Pick<ChatRepo, 'recordClaim'>;
  clock: Clock;
  log: Logger;
  /** Where viewers reach DropDeck (for `!claim` from a bridged platform). */
  publicUrl: () => string;
}

/** `!drop`, `!stock`, `!time`, `!link`, `!claim`: answers from the live drop state. */
export class ChatCommands {
  private readonly lastPublic = new Map<string, number>();

  constructor(private readonly d: ChatCommandsDeps) {}

  handle(body: string, asker: CommandAsker): CommandReply | null {
    const name = body.slice(1).split(/\s/, 1)[0].toLowerCase();
    const now = this.d.clock.now();
    const drop = currentDrop(this.d.engine.list());
    const isWeb = asker.senderKey.startsWith('web:');
    const say = (text: string): CommandReply => {
      const dropId = drop?.id ?? null;
      const key = `${name}:${dropId}`;
      const last = this.lastPublic.get(key);
      if (last !== undefined && now - last < PUBLIC_COOLDOWN_MS) return { text, dropId, quiet: isWeb };
      this.lastPublic.set(key, now);
      return { text, dropId, quiet: false };
    };
    if (!['drop', 'stock', 'time', 'link', 'claim'].includes(name)) return null;
    if (!drop) return { text: 'No drop is on right now. Stay tuned!', dropId: null, quiet: isWeb };
    switch (name) {
      case 'drop':
        return say(
          `${drop.title}: ${price(drop)}, ${drop.stock} left, ${timeText(drop, now)}. Type !link to buy or !claim to reserve one.`,
        );
      case 'stock':
        return say(
          drop.state === 'sold_out'
            ? `${drop.title} is sold out.`
            : `${drop.stock} of ${drop.title} left (${drop.sold} sold).`,
        );
      case 'time':
        return say(`${drop.title} ${timeText(drop, now)}.`);
      case 'link': {
        const link = this.d.links.current(drop.id, CHAT_TOUCHPOINT, ACTOR);
        return say(`Buy ${drop.title}: ${link.url}`);
      }
      default:
        return this.claim(drop, asker, isWeb, now);
    }
  }

  private claim(
    drop: ReturnType<typeof currentDrop> & object,
    asker: CommandAsker,
    isWeb: boolean,
    now: number,
  ): CommandReply {
    if (!isWeb) {
      return {
        text: `@${asker.displayName} claim yours in DropDeck's chat: ${this.d.publicUrl()}/chat`,
        dropId: drop.id,
        quiet: false,
      };
    }
    if (drop.state !== 'live')
      return { text: `${drop.title} ${timeText(drop, now)}.`, dropId: drop.id, quiet: true };
    // A link of its own per claim: the purchase it leads to carries this code, which is how
    // recognition knows this viewer bought (see recognition.ts).
    const link = this.d.links.create(drop.id, CHAT_TOUCHPOINT, CLAIM_TTL_SEC, ACTOR);
    this.d.repo.recordClaim(now, asker.senderKey, drop.id, link.code);
    return {
      text: `${asker.displayName}, one ${drop.title} is waiting: tap Claim, then Reserve my unit.`,
      dropId: drop.id,
      quiet: true,
      action: { label: 'Claim', href: claimPath(link.code) },
    };
  }
}

/** The holds page (ledger issue): "Reserve my unit" holds a unit and redirects to the checkout. */
/** `claim=1`: the hold page asks "Reserve my unit" even when the drop's policy needs no hold yet. */
export const claimPath = (code: string): string => `/hold/${encodeURIComponent(code)}?claim=1`;
