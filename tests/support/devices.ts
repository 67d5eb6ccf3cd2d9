import type { Device, PairedDevice, Pairing } from '../../shared/devices';
import type { TestCore } from './core-harness';

/** The host shows a pairing QR; a phone opens it and names itself. Over HTTP, as the panel does. */
export async function pairDevice(
  t: TestCore,
  name: string,
  role: 'cohost' | 'host' = 'cohost',
): Promise<PairedDevice & { pairing: Pairing }> {
  const created = await t.api('/api/devices/pairing', { method: 'POST', json: { role } });
  if (created.status !== 201) throw new Error(`pairing: ${created.status} ${await created.text()}`);
  const pairing = (await created.json()) as Pairing;
  const paired = await t.api('/api/devices/pair', {
    method: 'POST',
    token: null,
    json: { code: pairing.code, name },
  });
  if (paired.status !== 201) throw new Error(`pair: ${paired.status} ${await paired.text()}`);
  return { ...((await paired.json()) as PairedDevice), pairing };
}

export async function listDevices(t: TestCore): Promise<Device[]> {
  return (await (await t.api('/api/devices')).json()) as Device[];
}
