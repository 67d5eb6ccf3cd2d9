import type { ClockSync } from './clock-sync';

/**
 * Re-sync and repaint whenever the page may have been asleep: the tab becoming visible, OBS showing
 * the source again (obs-browser fires `obsSourceVisibleChanged` / `obsSourceActiveChanged` on window)
 * or the socket reconnecting. Nothing is "caught up": every frame is computed from `endsAt` and the
 * server clock, so the first frame after waking is already right; the re-sync only corrects a clock
 * the OS may have stepped meanwhile.
 */
export function onWake(clock: ClockSync, repaint: () => void): void {
  const wake = (): void => {
    repaint();
    clock.resync();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') wake();
  });
  for (const event of ['obsSourceVisibleChanged', 'obsSourceActiveChanged']) {
    window.addEventListener(event, (e) => {
      const detail = (e as CustomEvent<{ visible?: boolean; active?: boolean }>).detail;
      if (detail?.visible !== false && detail?.active !== false) wake();
    });
  }
  window.addEventListener('pageshow', wake);
}

/**
 * Calls `frame` on every animation frame while `wanted()` says a clock is on screen. Browsers (and
 * OBS for hidden sources) stop animation frames for invisible pages, which is fine: nothing is lost.
 */
export function frameLoop(frame: () => void, wanted: () => boolean): () => void {
  let scheduled = false;
  const loop = (): void => {
    scheduled = false;
    frame();
    if (wanted()) kick();
  };
  const kick = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(loop);
  };
  return kick;
}
