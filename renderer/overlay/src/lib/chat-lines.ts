import type { ChatMessage } from '../../../../shared/chat-events';

/** Source badges: where a line was said, so the host and the stream see the hybrid mix. */
const SOURCE_LABEL: Record<string, string> = {
  venue: 'In the room',
  stream: 'Stream',
  remote: 'Online',
  dropdeck: 'DropDeck',
  twitch: 'Twitch',
  youtube: 'YouTube',
};

export const sourceLabel = (source: string): string => SOURCE_LABEL[source] ?? source;

function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  // Text only, never markup: whatever a viewer typed shows exactly as typed.
  el.textContent = text;
  return el;
}

/**
 * One chat line as DOM nodes, built with `textContent` only, so a `<script>` or `<img onerror>` in a
 * message or a name is shown as the characters it is. Used by the viewer page and the overlay.
 */
export function chatLine(m: ChatMessage, withAction: boolean): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `line line--${m.kind}`;
  li.dataset.id = String(m.id);
  li.dataset.source = m.source;
  li.append(span('source', sourceLabel(m.source)), span('name', m.displayName));
  for (const b of m.badges) {
    const badge = span('badge', b.label);
    badge.dataset.badge = b.id;
    li.append(badge);
  }
  li.append(span('body', m.body));
  // Only same-origin paths become buttons: a reply can never send a viewer somewhere else.
  if (withAction && m.action && /^\/[a-z]+\/[A-Za-z0-9_%-]+(\?[a-z]+=[A-Za-z0-9]+)?$/.test(m.action.href)) {
    const a = document.createElement('a');
    a.className = 'action';
    a.href = m.action.href;
    a.textContent = m.action.label;
    li.append(a);
  }
  return li;
}
