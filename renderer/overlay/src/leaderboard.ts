import { io, type Socket } from 'socket.io-client';
import type {
  CHAT_NAMESPACE,
  ChatClientToServerEvents,
  ChatServerToClientEvents,
  LeaderboardRow,
} from '../../../shared/chat-events';
import { applyTheme, readParams } from './lib/params';

/**
 * `/overlay/leaderboard`: the top supporters (points from verified purchases and chat), display names
 * only and only of viewers who opted in on the chat page. Hidden while nobody is on it.
 */
const NS: typeof CHAT_NAMESPACE = '/chat';
applyTheme(readParams(window.location.search, 'top-right'));
const rows = document.getElementById('rows') as HTMLOListElement;
const socket: Socket<ChatServerToClientEvents, ChatClientToServerEvents> = io(
  `${window.location.origin}${NS}`,
  { auth: { view: 'leaderboard' }, transports: ['websocket', 'polling'], reconnection: true },
);

function render(list: LeaderboardRow[]): void {
  rows.replaceChildren(
    ...list.map((r) => {
      const li = document.createElement('li');
      li.className = 'line';
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = r.displayName;
      const points = document.createElement('span');
      points.className = 'badge';
      points.textContent = `${r.points} pts`;
      li.append(name, points);
      return li;
    }),
  );
  document.documentElement.dataset.phase = list.length > 0 ? 'live' : 'none';
}

socket.on('chat:leaderboard', render);
