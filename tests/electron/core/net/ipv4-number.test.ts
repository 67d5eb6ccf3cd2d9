import { describe, expect, it } from 'vitest';
import { ipv4Number } from '../../../../electron/core/net/ipv4-number';

describe('ipv4Number: a number only for the one canonical spelling of an IPv4 address', () => {
  it('maps dotted quads to their 32-bit value', () => {
    expect(ipv4Number('10.0.0.1')).toBe(0x0a000001);
    expect(ipv4Number('0.0.0.0')).toBe(0);
    expect(ipv4Number('192.168.1.100')).toBe(0xc0a80164 | 0);
    expect(ipv4Number('255.255.255.255')).toBe(-1);
  });

  it('leaves every other spelling and IPv6 to string keys', () => {
    for (const odd of [
      '010.0.0.1',
      '1.2.3.04',
      '00.1.2.3',
      '256.0.0.1',
      '1..2.3',
      '1.2.3.',
      '.1.2.3',
      '1.2.3',
    ]) {
      expect(ipv4Number(odd)).toBeUndefined();
    }
    for (const other of ['1.2.3.4.5', '::1', '::ffff:10.0.0.1', '1.2.3.4 ', '', 'a.b.c.d']) {
      expect(ipv4Number(other)).toBeUndefined();
    }
  });
});
