import { io, type Socket } from 'socket.io-client';
import type {
  CHAT_NAMESPACE,
  ChatClientToServerEvents,
  ChatMessage,
  ChatServerToClientEvents,
} from '../../../shared/chat-events';
import { chatLine } from '../../overlay/src/lib/chat-lines';

/**
 * `/chat`: the viewer chat, no account — pick a name and talk. Opened from the venue QR
 * (`/chat?src=venue`), from the stream (`?src=stream`) or anywhere else. The page's random session
 * (kept in localStorage) is who you are to the chat: rate limits, mutes and the claims behind
 * buyer badges hang on it. Every line is rendered as text.
 */
const NS: typeof CHAT_NAMESPACE = '/chat';
const KEEP = 200;

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`chat page is missing #${id}`);
  return el as T;
};
const list = $<HTMLOListElement>('lines');
const conn = $('conn');
const status = $('status');
const nameForm = $<HTMLFormElement>('name-form');
const sendForm = $<HTMLFormElement>('send-form');
const nameInput = $<HTMLInputElement>('name');
const boardInput = $<HTMLInputElement>('leaderboard');
const bodyInput = $<HTMLInputElement>('body');

function session(): string {
  let s = localStorage.getItem('dropdeck.chat.session');
  if (!s || !/^[A-Za-z0-9_-]{16,64}$/.test(s)) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    s = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('dropdeck.chat.session', s);
  }
  return s;
}

const src = new URLSearchParams(window.location.search).get('src');
const source = src === 'venue' || src === 'stream' ? src : 'remote';
const socket: Socket<ChatServerToClientEvents, ChatClientToServerEvents> = io(
  `${window.location.origin}${NS}`,
  { auth: { session: session(), source }, transports: ['websocket', 'polling'], reconnection: true },
);

let name = localStorage.getItem('dropdeck.chat.name');

function add(m: ChatMessage, withAction: boolean): void {
  const stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 40;
  list.append(chatLine(m, withAction));
  while (list.children.length > KEEP) list.firstElementChild?.remove();
  if (stick) list.scrollTop = list.scrollHeight;
}

const say = (text: string): void => {
  status.textContent = text;
};

async function join(displayName: string, leaderboard: boolean): Promise<boolean> {
  const res = await socket.emitWithAck('chat:join', { displayName, leaderboard });
  if (!res.ok) {
    say(res.error.message);
    return false;
  }
  name = res.value.displayName;
  localStorage.setItem('dropdeck.chat.name', name);
  nameForm.hidden = true;
  sendForm.hidden = false;
  say('');
  return true;
}

socket.on('connect', () => {
  conn.textContent = 'Live';
  // The server keeps names per connection: after a reconnect the page joins again by itself.
  if (name) void join(name, false);
  else nameForm.hidden = false;
});
socket.on('disconnect', () => {
  conn.textContent = 'Reconnecting…';
});
socket.on('chat:init', (init) => {
  list.replaceChildren();
  for (const m of init.messages) add(m, false);
  bodyInput.maxLength = init.settings.maxLength;
});
socket.on('chat:message', (m) => add(m, false));
socket.on('chat:reply', (m) => add(m, true));
socket.on('chat:deleted', ({ id }) => list.querySelector(`[data-id="${id}"]`)?.remove());
socket.on('chat:settings', (s) => {
  bodyInput.maxLength = s.maxLength;
  say(s.slowModeSec > 0 ? `Slow mode: one message every ${s.slowModeSec} s.` : '');
});

nameForm.addEventListener('submit', (e) => {
  e.preventDefault();
  void join(nameInput.value, boardInput.checked);
});
sendForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const body = bodyInput.value;
  if (body.trim() === '') return;
  void socket.emitWithAck('chat:send', { body }).then((res) => {
    if (res.ok) {
      bodyInput.value = '';
      say('');
    } else say(res.error.message);
  });
});
