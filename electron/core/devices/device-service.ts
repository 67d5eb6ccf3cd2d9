import { createHash, randomBytes, randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/contract/access';
import {
  PAIRING_ALPHABET,
  PAIRING_TTL_MS,
  type Device,
  type PairedDevice,
  type Pairing,
} from '../../../shared/devices';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import { AppError, notFound } from '../domain-error';
import type { AuditRepo } from '../store/audit-repo';
import { toDevice, type DeviceRow, type DevicesRepo } from '../store/devices-repo';
import type { LoginThrottle } from './login-throttle';
import { HOST_PRINCIPAL, type Actor, type Principal } from './principal';
import { tokenMatches } from './tokens';

export interface DeviceServiceDeps {
  db: Database.Database;
  repo: DevicesRepo;
  audit: AuditRepo;
  events: CoreEvents;
  clock: Clock;
  throttle: LoginThrottle;
  hostToken: string;
  /** Where a phone on the same Wi-Fi reaches the panel (the pairing QR's URL). */
  lanUrl: () => string;
}

/** Device tokens are recognisable in logs and config files, and never confused with the host token. */
const TOKEN_PREFIX = 'dd_';
/** A paired device's last-seen time is written at most this often: reads must not turn into writes. */
const SEEN_EVERY_MS = 30_000;

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

const newPairingCode = (): string =>
  Array.from({ length: 10 }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join('');

/**
 * Pairing, device tokens and revocation. A device gets its token once, at pairing; only its hash is
 * stored. `resolve` turns a presented token into a principal on every request and socket handshake,
 * from memory after the first look-up; renaming or revoking a device drops its cached entry, and a
 * revocation is announced so the hub can cut the device's open sockets.
 */
export class DeviceService {
  private readonly cache = new Map<string, Principal>();
  private readonly lastSeenWrite = new Map<number, number>();

  constructor(private readonly deps: DeviceServiceDeps) {}

  /** The principal a token stands for, or null when it is not valid (unknown, revoked, malformed). */
  resolve(token: string): Principal | null {
    if (!token.startsWith(TOKEN_PREFIX)) {
      return tokenMatches(token, this.deps.hostToken) ? HOST_PRINCIPAL : null;
    }
    const key = sha256(token);
    const hex = key.toString('hex');
    const cached = this.cache.get(hex);
    if (cached) return cached;
    const row = this.deps.repo.findByTokenHash(key);
    if (!row || row.revoked_at !== null) return null;
    const principal: Principal = Object.freeze({ name: row.name, deviceId: row.id, role: row.role });
    this.cache.set(hex, principal);
    return principal;
  }

  /**
   * A presented token as a login: the principal, or `unauthorized`/`rate_limited` (slowed, then
   * refused, per address). The one door HTTP bearer tokens and socket handshakes both go through.
   */
  async authenticate(token: string, address: string): Promise<Principal> {
    const principal = await this.deps.throttle.attempt(
      address,
      () =>
        this.resolve(token) ??
        new AppError('unauthorized', 'That token is not valid for this DropDeck (revoked, or mistyped).'),
    );
    this.seen(principal);
    return principal;
  }

  /** Records that a device was just used (throttled; the host token has no device row). */
  seen(principal: Principal): void {
    if (principal.deviceId === null) return;
    const now = this.deps.clock.now();
    if (now - (this.lastSeenWrite.get(principal.deviceId) ?? 0) < SEEN_EVERY_MS) return;
    this.lastSeenWrite.set(principal.deviceId, now);
    this.deps.repo.seen(principal.deviceId, now);
  }

  /** A one-time code for a phone (or, at start-up, the host's own browser) to pair with. */
  createPairing(role: Role, actor: Actor, baseUrl = this.deps.lanUrl()): Pairing {
    const now = this.deps.clock.now();
    const code = newPairingCode();
    const expiresAt = now + PAIRING_TTL_MS;
    this.deps.db.transaction(() => {
      this.deps.repo.prunePairings(now);
      this.deps.repo.addPairing({ codeHash: sha256(code), role, at: now, expiresAt, createdBy: actor.name });
      this.deps.audit.record({
        actor,
        action: 'device:pairing',
        subjectType: 'device',
        detail: { role },
        at: now,
      });
    })();
    // In the fragment: browsers never send it to a server, so it stays out of logs and proxies.
    return { code, role, url: `${baseUrl}/#pair=${code}`, expiresAt };
  }

  /**
   * Trades a pairing code for a device token. Wrong codes count as failed logins for `from` (the
   * client's address): slowed, then refused with 429, like wrong tokens.
   */
  async pair(input: { code: string; name: string }, from: string): Promise<PairedDevice> {
    const now = this.deps.clock.now();
    const codeHash = sha256(input.code);
    const row = await this.deps.throttle.attempt(from, () => {
      const found = this.deps.repo.pairing(codeHash);
      const problem = !found
        ? 'That pairing code is not valid.'
        : found.used_at !== null
          ? 'That pairing code was already used; each works once.'
          : found.expires_at <= now
            ? 'That pairing code has expired (codes last 5 minutes).'
            : null;
      return problem || !found
        ? new AppError('unauthorized', `${problem} Ask the host to show a new pairing code.`)
        : found;
    });
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const device = this.deps.db
      .transaction(() => {
        const id = this.deps.repo.insert({
          name: input.name,
          role: row.role,
          tokenHash: sha256(token),
          at: now,
          createdBy: row.created_by,
        });
        // Two phones racing with one code: the second one's insert is rolled back with this refusal.
        if (!this.deps.repo.consumePairing(codeHash, now, id)) {
          throw new AppError('unauthorized', 'That pairing code was already used; each works once.');
        }
        this.deps.audit.record({
          actor: { name: input.name, deviceId: id },
          action: 'device:pair',
          subjectType: 'device',
          subjectId: id,
          detail: { role: row.role },
          at: now,
        });
        return this.deps.repo.get(id);
      })
      .immediate();
    if (!device) throw new AppError('internal', 'the paired device vanished');
    return { token, device: toDevice(device) };
  }

  list(): Device[] {
    return this.deps.repo.list().map(toDevice);
  }

  rename(id: number, name: string, actor: Actor): Device {
    return this.change(id, actor, 'device:rename', (row) => {
      if (row.revoked_at !== null) throw new AppError('gone', `Device ${id} was revoked.`);
      this.deps.repo.rename(id, name);
      return { from: row.name, to: name };
    });
  }

  /** Cuts a device off: its token stops working now, and its open sockets are dropped. */
  revoke(id: number, actor: Actor): Device {
    const device = this.change(id, actor, 'device:revoke', (row, now) => {
      if (!this.deps.repo.revoke(id, now)) throw new AppError('gone', `Device ${id} was already revoked.`);
      return { name: row.name };
    });
    this.deps.events.emit('device:revoked', id);
    return device;
  }

  /** One audited change to an existing device, in one transaction; its cached principal is dropped. */
  private change(
    id: number,
    actor: Actor,
    action: string,
    apply: (row: DeviceRow, now: number) => Record<string, unknown>,
  ): Device {
    const now = this.deps.clock.now();
    const device = this.deps.db
      .transaction(() => {
        const row = this.deps.repo.get(id);
        if (!row) throw notFound(`Device ${id}`);
        const detail = apply(row, now);
        this.deps.audit.record({ actor, action, subjectType: 'device', subjectId: id, detail, at: now });
        return this.deps.repo.get(id);
      })
      .immediate();
    this.forget(id);
    if (!device) throw notFound(`Device ${id}`);
    return toDevice(device);
  }

  private forget(deviceId: number): void {
    for (const [hex, p] of this.cache) if (p.deviceId === deviceId) this.cache.delete(hex);
  }
}
