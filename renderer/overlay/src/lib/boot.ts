import { ClockSync } from './clock-sync';
import { DropFeed } from './drop-feed';
import { connectOverlay, type OverlaySocket } from './hub';
import { onWake } from './lifecycle';
import { applyTheme, readParams, type OverlayParams, type Position } from './params';
import type { Phase } from './phase';

export interface Overlay {
  params: OverlayParams;
  socket: OverlaySocket;
  clock: ClockSync;
  feed: DropFeed;
}

/**
 * What every overlay page does first: read its query, theme itself, connect, sync the clock and keep
 * the drop state. `render` runs on every change (snapshot, patch, wake-up); it only ever runs from
 * events, never during this call, so it may use the returned object.
 */
export function bootOverlay(defaultPosition: Position, render: (overlay: Overlay) => void): Overlay {
  const params = readParams(window.location.search, defaultPosition);
  applyTheme(params);
  const socket = connectOverlay(params.dropId);
  const clock = new ClockSync(socket);
  const repaint = (): void => render(overlay);
  const feed = new DropFeed(socket, params.dropId, clock, repaint);
  const overlay: Overlay = { params, socket, clock, feed };
  onWake(clock, repaint);
  return overlay;
}

/** Sets text only when it changed, so a 60 fps loop does not touch the DOM 60 times a second. */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** The phase drives the look (`html[data-phase]`); `none` hides the panel (no drop to show). */
export function setPhase(phase: Phase | 'none'): void {
  const root = document.documentElement;
  if (root.dataset.phase !== phase) root.dataset.phase = phase;
}

export function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`overlay page is missing #${id}`);
  return el;
}
