import type { Drop } from '../../../shared/drops';
import type { Clock } from '../clock';
import type { CoreEventMap, CoreEvents } from '../core-events';
import type { Logger } from '../log';
import type { AnnounceMoment, ChatSettingsStore } from './chat-settings';
import { fill, price, timeText } from './drop-facts';
import type { Recognition } from './recognition';

export const DEFAULT_TEMPLATES: Record<AnnounceMoment, string> = {
  started: '🔴 {title} is live: {left} units at {price}, {time}. Type !claim to reserve one.',
  half: 'Half of {title} is gone: {sold} sold, {left} left.',
  last10: 'Only {left} {title} left!',
  lastMinute: 'One minute left on {title}: {left} still available.',
  soldOut: '{title} is sold out: {units} units to {buyers} buyers. Thank you!',
  restocked: '{title} is back: {left} more available, {time}.',
};

/** Said the moment it happens, whatever the gap: the two moments the room must not miss. */
const ALWAYS: ReadonlySet<AnnounceMoment> = new Set(['started', 'soldOut']);
const LAST_FEW = 10;

interface DropMemory {
  said: Set<AnnounceMoment>;
  lastAt: number;
  lastStock: number;
  lastState: Drop['state'];
  pending: { moment: AnnounceMoment; timer: NodeJS.Timeout } | null;
}

export interface AnnouncerDeps {
  events: CoreEvents;
  settings: ChatSettingsStore;
  recognition: Pick<Recognition, 'dropTotals'>;
  clock: Clock;
  log: Logger;
  /** Reads the drop as it is now (a deferred announcement carries fresh numbers). */
  drop: (id: number) => Drop | null;
  say: (text: string, dropId: number) => void;
}

/**
 * Posts a drop's key moments into the chat (and so to the bridges): started, half gone, last ten,
 * last minute, sold out, restocked. Each milestone is said once per run of the drop; at most one
 * announcement per drop per `announceGapSec` — a moment that falls inside the gap waits for its end
 * and is then said with the numbers of that time (a newer one replaces it), so the chat never floods.
 */
export class Announcer {
  private readonly drops = new Map<number, DropMemory>();
  private readonly off: () => void;

  constructor(private readonly d: AnnouncerDeps) {
    const onMoment = (...[moment, drop]: CoreEventMap['drop:moment']): void => {
      if (moment === 'start') this.moment('started', drop);
      else if (moment === 'lastMinute') this.moment('lastMinute', drop);
      else if (moment === 'soldOut') this.moment('soldOut', drop);
    };
    const onUpdated = (drop: Drop): void => this.updated(drop);
    d.events.on('drop:moment', onMoment);
    d.events.on('drop:updated', onUpdated);
    this.off = () => {
      d.events.off('drop:moment', onMoment);
      d.events.off('drop:updated', onUpdated);
    };
  }

  stop(): void {
    this.off();
    for (const m of this.drops.values()) if (m.pending) clearTimeout(m.pending.timer);
    this.drops.clear();
  }

  private memory(drop: Drop): DropMemory {
    let m = this.drops.get(drop.id);
    if (!m) {
      m = { said: new Set(), lastAt: 0, lastStock: drop.stock, lastState: drop.state, pending: null };
      this.drops.set(drop.id, m);
    }
    return m;
  }

  private updated(drop: Drop): void {
    const m = this.memory(drop);
    const restocked = drop.state === 'live' && m.lastState === 'sold_out' && drop.stock > 0;
    const total = drop.stock + drop.sold;
    m.lastStock = drop.stock;
    m.lastState = drop.state;
    if (restocked) {
      // A new run: the milestones can be reached again.
      m.said.delete('half');
      m.said.delete('last10');
      m.said.delete('soldOut');
      this.moment('restocked', drop, true);
      return;
    }
    if (drop.state !== 'live') return;
    if (drop.sold > 0 && drop.sold * 2 >= total) this.moment('half', drop);
    if (total > LAST_FEW && drop.stock > 0 && drop.stock <= LAST_FEW) this.moment('last10', drop);
  }

  private moment(moment: AnnounceMoment, drop: Drop, repeatable = false): void {
    const m = this.memory(drop);
    if (moment === 'started') {
      m.said.clear();
      m.lastState = drop.state;
    }
    if (m.said.has(moment) && !repeatable) return;
    m.said.add(moment);
    const now = this.d.clock.now();
    const gapMs = this.d.settings.get().announceGapSec * 1000;
    if (ALWAYS.has(moment) || now - m.lastAt >= gapMs) {
      if (m.pending && ALWAYS.has(moment)) {
        clearTimeout(m.pending.timer);
        m.pending = null;
      }
      return this.say(moment, drop.id, m);
    }
    if (m.pending) clearTimeout(m.pending.timer);
    const timer = setTimeout(
      () => {
        m.pending = null;
        this.say(moment, drop.id, m);
      },
      m.lastAt + gapMs - now,
    );
    timer.unref();
    m.pending = { moment, timer };
  }

  private say(moment: AnnounceMoment, dropId: number, m: DropMemory): void {
    const drop = this.d.drop(dropId);
    if (!drop) return;
    // A deferred "half gone" after the drop sold out would be stale news.
    if (!ALWAYS.has(moment) && drop.state !== 'live') return;
    m.lastAt = this.d.clock.now();
    try {
      const totals = this.d.recognition.dropTotals(drop.id);
      const template = this.d.settings.get().templates[moment] ?? DEFAULT_TEMPLATES[moment];
      const text = fill(template, {
        title: drop.title,
        left: drop.stock,
        sold: drop.sold,
        total: drop.stock + drop.sold,
        price: price(drop),
        time: timeText(drop, m.lastAt),
        units: totals.units,
        buyers: totals.buyers,
      });
      this.d.say(text, drop.id);
    } catch (error) {
      this.d.log.warn('chat announcement failed', { dropId, moment, error: String(error) });
    }
  }
}
