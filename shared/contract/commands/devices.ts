import { z } from 'zod';
import {
  AuditEntrySchema,
  CreatePairingSchema,
  DeviceNameSchema,
  DeviceSchema,
  PairDeviceSchema,
  PairedDeviceSchema,
  PairingSchema,
  WhoAmISchema,
} from '../../devices';
import { command } from '../command';
import { Id, NoInput, QueryInt, SafeText } from '../fields';

/** Pairing, the device list and the audit log: the host's, except pairing itself and "who am I". */
export const deviceCommands = {
  'device:pairing': command({
    access: 'host',
    method: 'POST',
    path: '/api/devices/pairing',
    status: 201,
    input: CreatePairingSchema,
    output: PairingSchema,
    summary: 'A one-time pairing code (single use, 5 minutes) and the URL its QR shows',
  }),
  'device:pair': command({
    access: 'public',
    method: 'POST',
    path: '/api/devices/pair',
    status: 201,
    input: PairDeviceSchema,
    output: PairedDeviceSchema,
    summary: 'Trade a pairing code for a device token (the phone names itself)',
    description: 'Wrong codes count as failed logins: repeated ones are slowed, then refused with 429.',
    errors: ['bad_request', 'unauthorized', 'rate_limited'],
  }),
  'device:whoami': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/devices/me',
    input: NoInput,
    output: WhoAmISchema,
    summary: 'The calling device: its name and role (the panel hides what the role may not do)',
  }),
  'device:list': command({
    access: 'host',
    method: 'GET',
    path: '/api/devices',
    input: NoInput,
    output: z.array(DeviceSchema),
    summary: 'Paired devices with role and last-seen time, newest first (revoked ones included)',
  }),
  'device:rename': command({
    access: 'host',
    method: 'PATCH',
    path: '/api/devices/:id',
    input: z.object({ id: Id, name: DeviceNameSchema }).strict(),
    output: DeviceSchema,
    summary: 'Rename a paired device',
    errors: ['bad_request', 'not_found', 'gone'],
  }),
  'device:revoke': command({
    access: 'host',
    method: 'POST',
    path: '/api/devices/:id/revoke',
    input: z.object({ id: Id }),
    output: DeviceSchema,
    summary: 'Revoke a device: its open sockets are dropped at once and its token stops working',
    errors: ['not_found', 'gone'],
  }),
  'audit:list': command({
    access: 'host',
    method: 'GET',
    path: '/api/audit',
    input: z.object({
      limit: QueryInt(z.int().min(1).max(1000)).default(100),
      /** Only entries older than this id (paging backwards). */
      before: Id.optional(),
      action: SafeText(1, 60, 'action').optional(),
      deviceId: Id.optional(),
    }),
    output: z.array(AuditEntrySchema),
    summary: 'Who did what, newest first; filter by action (e.g. drop:start) or device',
  }),
};
