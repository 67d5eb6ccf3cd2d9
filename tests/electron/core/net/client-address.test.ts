import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '../../../../electron/core/net/client-address';

/** A loopback server that answers with the address `clientAddress` makes of each request. */
describe('client address: X-Forwarded-For only from a configured proxy, its last hop', () => {
  let url = '';
  let trusted = new Set<string>();
  const server = createServer((req: IncomingMessage, res) => res.end(clientAddress(req, trusted)));
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const seen = async (forwarded?: string): Promise<string> =>
    (await fetch(url, { headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } })).text();

  it('takes the hop the proxy appended, trimmed', async () => {
    trusted = new Set(['127.0.0.1']);
    expect(await seen('203.0.113.5')).toBe('203.0.113.5');
    expect(await seen('198.51.100.1, 203.0.113.6')).toBe('203.0.113.6');
    expect(await seen('198.51.100.1,  203.0.113.7 ')).toBe('203.0.113.7');
  });

  it('falls back to the peer on an empty last hop or a missing header', async () => {
    trusted = new Set(['127.0.0.1']);
    expect(await seen('198.51.100.1, ')).toBe('127.0.0.1');
    expect(await seen()).toBe('127.0.0.1');
  });

  it('ignores the header from anyone but a configured proxy', async () => {
    trusted = new Set();
    expect(await seen('203.0.113.5')).toBe('127.0.0.1');
    trusted = new Set(['10.0.0.1']);
    expect(await seen('203.0.113.5')).toBe('127.0.0.1');
  });
});
