import type { DropAction } from '../../../shared/drop-focus';
import type { Drop } from '../../../shared/drops';
import type { ConfirmRequest } from '../shell/confirm-context';
import { formatClockTime } from './format';

/** A button the host is looking at, or a shortcut pressed while their eyes are on the stream. */
export type ActionSource = 'button' | 'shortcut';

/**
 * Which drop controls ask first. Ending cannot be undone, and starting puts the drop on stream: a
 * slip there hurts. A visible Start on a draft is deliberate; the same start by a blind key press, or
 * a scheduled drop started before its time, is asked about. Extending never asks: it is the button
 * hosts hammer in the last seconds.
 */
export function confirmationFor(action: DropAction, drop: Drop, source: ActionSource): ConfirmRequest | null {
  if (action.command === 'drop:end') {
    return {
      title: `End “${drop.title}” now?`,
      body: `${drop.sold} sold, ${drop.stock} left. Buyers can no longer check out and the stream shows the drop as ended. This cannot be undone.`,
      confirmLabel: 'End drop',
      danger: true,
    };
  }
  if (action.command === 'drop:start') {
    if (drop.state === 'scheduled' && drop.scheduledAt !== null) {
      return {
        title: `Start “${drop.title}” early?`,
        body: `It is scheduled for ${formatClockTime(drop.scheduledAt)}. Starting now puts it on stream and the clock starts running.`,
        confirmLabel: 'Start now',
      };
    }
    if (source === 'shortcut') {
      return {
        title: `Start “${drop.title}”?`,
        body: 'It goes on stream and the clock starts running.',
        confirmLabel: 'Start now',
      };
    }
  }
  return null;
}

/** The one-line feedback after a control worked, for the live region next to the controls. */
export function doneMessage(action: DropAction, drop: Drop): string {
  switch (action.command) {
    case 'drop:start':
      return `“${drop.title}” is live.`;
    case 'drop:extend':
      return `Added ${action.input.seconds === 60 ? '1 min' : `${action.input.seconds} s`} to “${drop.title}”.`;
    case 'drop:end':
      return `“${drop.title}” has ended.`;
  }
}
