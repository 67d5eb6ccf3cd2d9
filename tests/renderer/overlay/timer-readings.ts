import type { Page } from 'playwright-core';

/** One change of the countdown as the viewer saw it: the text and the (local) time it appeared. */
export interface Reading {
  text: string;
  at: number;
}

/**
 * Init script: from the first paint on, log every text the timer shows with `Date.now()`. A
 * MutationObserver fires in the same frame as the change, so `at` is when the viewer saw it.
 */
export const RECORD_TIMER = `
  window.__readings = [];
  document.addEventListener('DOMContentLoaded', () => {
    const el = document.getElementById('time');
    const log = () => window.__readings.push({ text: el.textContent, at: Date.now() });
    new MutationObserver(log).observe(el, { childList: true, characterData: true, subtree: true });
  });
`;

export function readings(page: Page): Promise<Reading[]> {
  return page.evaluate<Reading[]>('window.__readings');
}

export function parseClock(text: string): number {
  const parts = text.split(':').map(Number);
  if (parts.some((n) => !Number.isInteger(n))) throw new Error(`not a clock: "${text}"`);
  return parts.reduce((acc, n) => acc * 60 + n, 0);
}

/**
 * How far a reading is from the truth, in ms. The page shows whole seconds rounded up, so "04:57"
 * is right while the server-side time left is in (4:56, 4:57]. Returns 0 inside that window, else
 * the distance to it — the issue allows 250 ms.
 */
export function errorMs(r: Reading, endsAt: number, serverMinusLocal: number): number {
  const shown = parseClock(r.text) * 1000;
  const left = endsAt - (r.at + serverMinusLocal);
  if (left > shown) return left - shown;
  if (left <= shown - 1000) return shown - 1000 - left;
  return 0;
}

/**
 * The sharp test: when the shown second ticks down by one, the time left must be (almost exactly)
 * that whole number of seconds. Returns the error of every such tick (jumps, like the first paint or
 * the first frame after a pause, are judged by `errorMs` instead).
 */
export function tickErrors(rs: Reading[], endsAt: number, serverMinusLocal: number): number[] {
  const errors: number[] = [];
  for (let i = 1; i < rs.length; i++) {
    if (parseClock(rs[i - 1].text) - parseClock(rs[i].text) !== 1) continue;
    errors.push(Math.abs(endsAt - (rs[i].at + serverMinusLocal) - parseClock(rs[i].text) * 1000));
  }
  return errors;
}
