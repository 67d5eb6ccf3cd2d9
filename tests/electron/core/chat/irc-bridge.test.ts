import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeStatus, ModeratedChatMessage } from '../../../../shared/chat-events';
import { startLiveDrop, startTestCore, TEST_TOKEN, type TestCore } from '../../../support/core-harness';
import { rawIrcClient, startNgircd } from '../../../support/ngircd';
import { closeAll, controlSocket, next } from '../hub/hub-client';

const CHANNEL = '#dropdeck';
let irc: Awaited<ReturnType<typeof startNgircd>>;
let t: TestCore;

beforeAll(async () => {
  irc = await startNgircd();
  // Configured the way a host does it: Twitch settings from the environment, the server overridden.
  t = await startTestCore({
    env: {
      DROPDECK_TWITCH_CHANNEL: CHANNEL,
      DROPDECK_TWITCH_NICK: 'dropdeckbot',
      DROPDECK_IRC_SERVER: '127.0.0.1',
      DROPDECK_IRC_PORT: String(irc.port),
      DROPDECK_IRC_TLS: '0',
    },
  });
});
afterAll(async () => {
  closeAll();
  await t?.stop();
  await irc?.stop();
});

async function bridgeState(state: BridgeStatus['state'], ms = 20_000): Promise<BridgeStatus> {
  const deadline = Date.now() + ms;
  for (;;) {
    const [status] = (await (await t.api('/api/chat/bridges')).json()) as BridgeStatus[];
    if (status?.state === state) return status;
    if (Date.now() > deadline) throw new Error(`bridge never became ${state}: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Twitch-style IRC bridge against a real ngircd', () => {
  it('brings IRC lines into the panel, sends announcements out, and reconnects after a server restart', async () => {
    await bridgeState('connected');
    const viewer = await rawIrcClient(irc.port, 'viewer1', CHANNEL);
    const control = controlSocket(t.url, TEST_TOKEN);
    await new Promise<void>((resolve) => control.once('state:init', () => resolve()));

    const heard = next<ModeratedChatMessage>(control, 'chat:message', (m) => m.body === 'hi from irc');
    viewer.say('hi from irc');
    expect(await heard).toMatchObject({
      source: 'twitch',
      displayName: 'viewer1',
      senderKey: 'twitch:viewer1',
      kind: 'viewer',
    });

    await startLiveDrop(t, { title: 'Glow tote', stock: 8 });
    const announced = await viewer.waitFor(/PRIVMSG #dropdeck :.*Glow tote is live: 8 units/);
    expect(announced).toMatch(/^:dropdeckbot!/);

    // Commands from the IRC side are answered there too.
    viewer.say('!stock');
    await viewer.waitFor(/PRIVMSG #dropdeck :8 of Glow tote left \(0 sold\)\./);
    viewer.close();

    await irc.restart();
    const down = await bridgeState('reconnecting');
    expect(down.retryAt).not.toBeNull();
    await bridgeState('connected', 30_000);
    const again = await rawIrcClient(irc.port, 'viewer2', CHANNEL);
    const back = next<ModeratedChatMessage>(control, 'chat:message', (m) => m.body === 'back again');
    again.say('back again');
    expect((await back).source).toBe('twitch');
    const said = (await (
      await t.api('/api/chat/messages', { method: 'POST', json: { body: 'welcome back' } })
    ).json()) as { id: number };
    expect(said.id).toBeGreaterThan(0);
    await again.waitFor(/PRIVMSG #dropdeck :host: welcome back/);
    again.close();
  }, 60_000);
});
