import type Database from 'better-sqlite3';
import type { ChatKind, ChatMessage, ModeratedChatMessage } from '../../../shared/chat-events';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Actor } from '../devices/principal';
import { AppError, notFound } from '../domain-error';
import type { Logger } from '../log';
import type { AuditRepo } from '../store/audit-repo';
import type { ChatMessageRow, ChatRepo } from '../store/chat-repo';
import { applyWordFilter, type ChatSettingsStore } from './chat-settings';
import type { ChatCommands, CommandReply } from './commands';
import { RateLimit } from './rate-limit';
import type { Recognition } from './recognition';

/** Who is speaking: a viewer page session (`web:…`) or a bridged platform user (`twitch:nick`). */
export interface ChatSender {
  senderKey: string;
  displayName: string;
  source: string;
  /** The client's network address, for the per-address limit (bridged users have none). */
  address: string | null;
}

export const SENDER_LIMIT = { count: 5, windowMs: 10_000 };
/** Many phones share a venue's Wi-Fi (one public address), so the address limit is much wider. */
export const ADDRESS_LIMIT = { count: 40, windowMs: 10_000 };
const HISTORY = 50;
const DROPDECK = 'DropDeck';

export interface ChatServiceDeps {
  db: Database.Database;
  repo: ChatRepo;
  recognition: Recognition;
  settings: ChatSettingsStore;
  commands: ChatCommands;
  audit: AuditRepo;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
}

/**
 * One chat for the room, the stream page and bridged platforms. Every message is stored with where it
 * came from, then announced on the core bus (`chat:message`); the hub fans it out. Viewers pass the
 * mute list, the per-sender and per-address limits, slow mode and the word filter, in that order.
 */
export class ChatService {
  private readonly bySender = new RateLimit(SENDER_LIMIT.count, SENDER_LIMIT.windowMs);
  private readonly byAddress = new RateLimit(ADDRESS_LIMIT.count, ADDRESS_LIMIT.windowMs);
  private readonly lastSaid = new Map<string, number>();

  constructor(private readonly d: ChatServiceDeps) {}

  /** A viewer's line (viewer page or bridge). Returns the stored message id (null: only a reply). */
  say(sender: ChatSender, text: string): { id: number | null } {
    const now = this.d.clock.now();
    const mutedUntil = this.d.repo.mutedUntil(sender.senderKey);
    if (mutedUntil !== null && mutedUntil > now) {
      const min = Math.ceil((mutedUntil - now) / 60_000);
      throw new AppError('forbidden', `A moderator muted you for ${min} more minute${min === 1 ? '' : 's'}.`);
    }
    if (!this.bySender.take(sender.senderKey, now))
      throw this.limited(this.bySender.retryIn(sender.senderKey, now));
    if (sender.address !== null && !this.byAddress.take(sender.address, now))
      throw this.limited(this.byAddress.retryIn(sender.address, now));
    const { slowModeSec, wordFilter } = this.d.settings.get();
    const last = this.lastSaid.get(sender.senderKey);
    if (slowModeSec > 0 && last !== undefined && now - last < slowModeSec * 1000)
      throw new AppError('rate_limited', `Slow mode is on: one message every ${slowModeSec} s.`);
    this.lastSaid.set(sender.senderKey, now);
    if (this.lastSaid.size > 10_000) this.lastSaid.clear();

    const body = applyWordFilter(text, wordFilter);
    const reply = body.startsWith('!') ? this.d.commands.handle(body, sender) : null;
    // A private command (!claim) stays between the viewer and DropDeck; the rest is said out loud.
    const id = reply?.quiet ? null : this.store('viewer', sender.source, sender, body, null);
    if (reply) this.answer(reply, sender);
    return { id };
  }

  /** The host or a co-host speaking from the panel. */
  hostSay(actor: Actor, text: string): ChatMessage {
    return this.toPublic(this.storeRow('host', 'dropdeck', null, actor.name, text, null));
  }

  /** An announcement or a public reply, said by DropDeck itself. */
  announce(text: string, dropId: number | null, kind: ChatKind = 'announcement'): ChatMessage {
    return this.toPublic(this.storeRow(kind, 'dropdeck', null, DROPDECK, text, dropId));
  }

  recent(limit = HISTORY): ModeratedChatMessage[] {
    return this.d.repo.recent(limit).map((r) => this.toModerated(r));
  }

  delete(id: number, actor: Actor): void {
    const now = this.d.clock.now();
    this.d.db
      .transaction(() => {
        const row = this.d.repo.get(id);
        if (!row) throw notFound(`Message ${id}`);
        if (!this.d.repo.markDeleted(id, actor.name, now))
          throw new AppError('gone', `Message ${id} was already deleted.`);
        this.d.audit.record({
          actor,
          action: 'chat:delete',
          subjectType: 'chat_message',
          subjectId: id,
          detail: { sender: row.sender_key, source: row.source },
          at: now,
        });
      })
      .immediate();
    this.d.events.emit('chat:deleted', { id });
  }

  mute(senderKey: string, minutes: number, actor: Actor): { senderKey: string; until: number } {
    const now = this.d.clock.now();
    const until = now + minutes * 60_000;
    this.d.db
      .transaction(() => {
        this.d.repo.mute(senderKey, until, actor.name, now);
        this.d.audit.record({
          actor,
          action: 'chat:mute',
          subjectType: 'chat_sender',
          subjectId: null,
          detail: { senderKey, minutes },
          at: now,
        });
      })
      .immediate();
    return { senderKey, until };
  }

  /** Retention: messages older than the setting are deleted for good (hourly and at start). */
  sweep(): number {
    const days = this.d.settings.get().retentionDays;
    return this.d.repo.purgeBefore(this.d.clock.now() - days * 86_400_000);
  }

  private answer(reply: CommandReply, sender: ChatSender): void {
    if (reply.quiet) {
      const msg: ChatMessage = {
        id: 0,
        at: this.d.clock.now(),
        kind: 'reply',
        source: 'dropdeck',
        displayName: DROPDECK,
        body: reply.text,
        badges: [],
        ...(reply.action ? { action: reply.action } : {}),
      };
      this.d.events.emit('chat:private', sender.senderKey, msg);
      return;
    }
    this.announce(reply.text, reply.dropId, 'reply');
  }

  private store(
    kind: ChatKind,
    source: string,
    sender: ChatSender,
    body: string,
    dropId: number | null,
  ): number {
    return this.storeRow(kind, source, sender.senderKey, sender.displayName, body, dropId).id;
  }

  private storeRow(
    kind: ChatKind,
    source: string,
    senderKey: string | null,
    displayName: string,
    body: string,
    dropId: number | null,
  ): ChatMessageRow {
    const row = {
      at: this.d.clock.now(),
      kind,
      source,
      sender_key: senderKey,
      display_name: displayName,
      body,
      drop_id: dropId,
    };
    const id = this.d.repo.insert(row);
    const stored = { ...row, id, deleted_at: null };
    this.d.events.emit('chat:message', this.toModerated(stored));
    return stored;
  }

  private toModerated(r: ChatMessageRow): ModeratedChatMessage {
    return { ...this.toPublic(r), senderKey: r.sender_key };
  }

  private toPublic(r: ChatMessageRow): ChatMessage {
    return {
      id: r.id,
      at: r.at,
      kind: r.kind,
      source: r.source,
      displayName: r.display_name,
      body: r.body,
      badges: this.d.recognition.badges(r.sender_key),
    };
  }

  private limited(retryMs: number): AppError {
    const sec = Math.max(1, Math.ceil(retryMs / 1000));
    return new AppError('rate_limited', `You are sending too fast. Wait ${sec} s.`);
  }
}
