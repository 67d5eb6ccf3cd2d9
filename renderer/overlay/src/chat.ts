import { io, type Socket } from 'socket.io-client';
import type {
  CHAT_NAMESPACE,
  ChatClientToServerEvents,
  ChatMessage,
  ChatServerToClientEvents,
} from '../../../shared/chat-events';
import { chatLine } from './lib/chat-lines';
import { applyTheme, readParams } from './lib/params';

/**
 * `/overlay/chat?n=8`: the last N chat lines for OBS, themable like the other overlays (`pos`,
 * `scale`, `theme`, colours). Read-only: the page connects to `/chat` without a session, so it can
 * neither join nor send. Deleted lines disappear; muted senders' lines never arrive.
 */
const NS: typeof CHAT_NAMESPACE = '/chat';
const params = readParams(window.location.search, 'bottom-left');
applyTheme(params);
const requested = Number(new URLSearchParams(window.location.search).get('n'));
const keep = Number.isInteger(requested) && requested >= 1 && requested <= 30 ? requested : 8;
const list = document.getElementById('lines') as HTMLOListElement;

const socket: Socket<ChatServerToClientEvents, ChatClientToServerEvents> = io(
  `${window.location.origin}${NS}`,
  { auth: {}, transports: ['websocket', 'polling'], reconnection: true, reconnectionDelayMax: 3_000 },
);

function show(): void {
  while (list.children.length > keep) list.firstElementChild?.remove();
  document.documentElement.dataset.phase = list.children.length > 0 ? 'live' : 'none';
}

function add(m: ChatMessage): void {
  list.append(chatLine(m, false));
  show();
}

socket.on('chat:init', (init) => {
  list.replaceChildren();
  for (const m of init.messages.slice(-keep)) list.append(chatLine(m, false));
  show();
});
socket.on('chat:message', add);
socket.on('chat:deleted', ({ id }) => {
  list.querySelector(`[data-id="${id}"]`)?.remove();
  show();
});
