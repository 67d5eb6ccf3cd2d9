import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/contract/access';
import type { Device } from '../../../shared/devices';

export interface DeviceRow {
  id: number;
  name: string;
  role: Role;
  token_hash: Buffer;
  created_at: number;
  created_by: string;
  last_seen_at: number | null;
  revoked_at: number | null;
}

export interface PairingRow {
  code_hash: Buffer;
  role: Role;
  created_at: number;
  expires_at: number;
  created_by: string;
  used_at: number | null;
  device_id: number | null;
}

export const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  revokedAt: r.revoked_at,
});

/** Paired devices and pairing codes. Tokens and codes are stored as hashes only. */
export class DevicesRepo {
  private readonly insertDevice;
  private readonly byHash;
  private readonly byId;
  private readonly all;
  private readonly setName;
  private readonly setRevoked;
  private readonly setSeen;
  private readonly insertPairing;
  private readonly pairingByHash;
  private readonly usePairing;
  private readonly deleteStalePairings;

  constructor(db: Database.Database) {
    this.insertDevice = db.prepare(
      'INSERT INTO devices (name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
    );
    this.byHash = db.prepare<[Buffer], DeviceRow>('SELECT * FROM devices WHERE token_hash = ?');
    this.byId = db.prepare<[number], DeviceRow>('SELECT * FROM devices WHERE id = ?');
    this.all = db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY id DESC');
    this.setName = db.prepare('UPDATE devices SET name = ? WHERE id = ?');
    this.setRevoked = db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.setSeen = db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?');
    this.insertPairing = db.prepare(
      'INSERT INTO pairing_codes (code_hash, role, created_at, expires_at, created_by) VALUES (?, ?, ?, ?, ?)',
    );
    this.pairingByHash = db.prepare<[Buffer], PairingRow>('SELECT * FROM pairing_codes WHERE code_hash = ?');
    this.usePairing = db.prepare(
      'UPDATE pairing_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL',
    );
    this.deleteStalePairings = db.prepare('DELETE FROM pairing_codes WHERE expires_at < ?');
  }

  insert(d: { name: string; role: Role; tokenHash: Buffer; at: number; createdBy: string }): number {
    return Number(this.insertDevice.run(d.name, d.role, d.tokenHash, d.at, d.createdBy).lastInsertRowid);
  }

  findByTokenHash(hash: Buffer): DeviceRow | null {
    return this.byHash.get(hash) ?? null;
  }

  get(id: number): DeviceRow | null {
    return this.byId.get(id) ?? null;
  }

  list(): DeviceRow[] {
    return this.all.all();
  }

  rename(id: number, name: string): void {
    this.setName.run(name, id);
  }

  /** False when it was revoked already. */
  revoke(id: number, at: number): boolean {
    return this.setRevoked.run(at, id).changes === 1;
  }

  seen(id: number, at: number): void {
    this.setSeen.run(at, id);
  }

  addPairing(p: { codeHash: Buffer; role: Role; at: number; expiresAt: number; createdBy: string }): void {
    this.insertPairing.run(p.codeHash, p.role, p.at, p.expiresAt, p.createdBy);
  }

  pairing(codeHash: Buffer): PairingRow | null {
    return this.pairingByHash.get(codeHash) ?? null;
  }

  /** Marks a code used; false when another request used it first. */
  consumePairing(codeHash: Buffer, at: number, deviceId: number): boolean {
    return this.usePairing.run(at, deviceId, codeHash).changes === 1;
  }

  /** Codes expired a day ago are of no use, not even to explain a refusal. */
  prunePairings(now: number): void {
    this.deleteStalePairings.run(now - 24 * 3600_000);
  }
}
