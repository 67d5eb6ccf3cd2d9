import { useEffect, useState } from 'react';
import type { BridgeStatus, ModeratedChatMessage } from '../../../shared/chat-events';
import type { HubSocket } from '../api/hub';
import { usePanel } from '../api/panel-context';
import { ActionError } from './ActionError';

const KEEP = 200;
const MUTE_MINUTES = 10;
const SLOW_MODE_SEC = 10;
const SOURCE_LABEL: Record<string, string> = {
  venue: 'Room',
  stream: 'Stream',
  remote: 'Online',
  dropdeck: 'DropDeck',
  twitch: 'Twitch',
};

/**
 * The host's and co-hosts' view of the one chat: every line with where it came from (room, stream
 * page, Twitch…), delete and mute per line, slow mode, and the bridges' state. Text only, as typed.
 */
export function ChatPanel({ socket }: { socket: HubSocket }) {
  const { api } = usePanel();
  const [messages, setMessages] = useState<ModeratedChatMessage[]>([]);
  const [bridges, setBridges] = useState<BridgeStatus[]>([]);
  const [slowModeSec, setSlowModeSec] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([
      api.call('chat:list', { limit: 100 }),
      api.call('chat:settings', {}),
      api.call('chat:bridge-status', {}),
    ]).then(([list, settings, status]) => {
      if (!live) return;
      if (list.ok) setMessages(list.value);
      if (settings.ok) setSlowModeSec(settings.value.slowModeSec);
      if (status.ok) setBridges(status.value);
    });
    const onMessage = (m: ModeratedChatMessage): void => setMessages((prev) => [...prev, m].slice(-KEEP));
    const onDeleted = ({ id }: { id: number }): void =>
      setMessages((prev) => prev.filter((m) => m.id !== id));
    const onBridge = (s: BridgeStatus): void =>
      setBridges((prev) => [...prev.filter((b) => b.platform !== s.platform), s]);
    socket.on('chat:message', onMessage);
    socket.on('chat:deleted', onDeleted);
    socket.on('chat:bridge-status', onBridge);
    return () => {
      live = false;
      socket.off('chat:message', onMessage);
      socket.off('chat:deleted', onDeleted);
      socket.off('chat:bridge-status', onBridge);
    };
  }, [api, socket]);

  const remove = async (id: number): Promise<void> => {
    const r = await api.call('chat:delete', { id });
    setError(r.ok ? null : r.error.message);
  };
  const mute = async (senderKey: string): Promise<void> => {
    const r = await api.call('chat:mute', { senderKey, minutes: MUTE_MINUTES });
    setError(r.ok ? null : r.error.message);
  };
  const toggleSlow = async (): Promise<void> => {
    const r = await api.call('chat:slow-mode', { seconds: slowModeSec > 0 ? 0 : SLOW_MODE_SEC });
    if (r.ok) setSlowModeSec(r.value.slowModeSec);
    setError(r.ok ? null : r.error.message);
  };

  return (
    <section className="card chat-panel" aria-label="Chat">
      <h2>Chat</h2>
      <div className="controls__row">
        <button type="button" className="button button--quiet" onClick={() => void toggleSlow()}>
          {slowModeSec > 0 ? `Slow mode on (${slowModeSec} s): turn off` : 'Turn on slow mode'}
        </button>
        {bridges.map((b) => (
          <span key={b.platform} className="muted" aria-label={`${b.platform} bridge`}>
            {SOURCE_LABEL[b.platform] ?? b.platform} {b.channel}: {b.state}
          </span>
        ))}
      </div>
      <ActionError error={error} />
      <ol className="chat-panel__lines">
        {messages.map((m) => (
          <li key={m.id} className={`chat-line chat-line--${m.kind}`} data-source={m.source}>
            <span className="chat-line__source">{SOURCE_LABEL[m.source] ?? m.source}</span>{' '}
            <strong>{m.displayName}</strong>{' '}
            {m.badges.map((b) => (
              <span key={b.id} className="chat-line__badge">
                {b.label}
              </span>
            ))}{' '}
            <span className="chat-line__body">{m.body}</span>
            <button type="button" className="button button--quiet" onClick={() => void remove(m.id)}>
              Delete
            </button>
            {m.senderKey && (
              <button type="button" className="button button--quiet" onClick={() => void mute(m.senderKey!)}>
                Mute {MUTE_MINUTES} min
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
