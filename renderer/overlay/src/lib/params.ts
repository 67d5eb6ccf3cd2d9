export const POSITIONS = [
  'top-left',
  'top',
  'top-right',
  'left',
  'center',
  'right',
  'bottom-left',
  'bottom',
  'bottom-right',
] as const;
export type Position = (typeof POSITIONS)[number];

export interface OverlayParams {
  /** `?drop=ID`; absent = follow whichever drop is live. */
  dropId: number | undefined;
  /** `?touchpoint=NAME` (QR page), default `stream`. */
  touchpoint: string;
  /** `?pos=bottom-right` etc. */
  position: Position;
  /** `?scale=1.5`: multiplies every size (0.25–4). */
  scale: number;
  /** `?theme=dark|light`: light text on a dark panel, or the reverse. */
  theme: 'dark' | 'light';
  /** `?fg=ffffff&bg=000000cc&accent=ff3b30`: hex colours, with or without `#`. */
  fg: string | null;
  bg: string | null;
  accent: string | null;
  /** `?margin=48`: distance from the canvas edge in px at 1080p; default is the 5% safe area. */
  margin: number | null;
  /** `?size=420`: QR edge in px at 1080p (scaled by `scale`). */
  size: number;
  /** `?label=Scan%20me`: the QR caption. */
  label: string | null;
}

const num = (v: string | null, min: number, max: number): number | null => {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : null;
};

const colour = (v: string | null): string | null => {
  const hex = v?.trim().replace(/^#/, '') ?? '';
  return /^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(hex) ? `#${hex}` : null;
};

/** Bad values fall back to defaults instead of breaking a page nobody can debug mid-stream. */
export function readParams(search: string, defaultPosition: Position): OverlayParams {
  const q = new URLSearchParams(search);
  const drop = Number(q.get('drop'));
  const pos = q.get('pos') ?? q.get('position');
  const touchpoint = q.get('touchpoint')?.trim().toLowerCase() ?? '';
  return {
    dropId: Number.isInteger(drop) && drop > 0 ? drop : undefined,
    touchpoint: /^[a-z0-9][a-z0-9_-]{0,39}$/.test(touchpoint) ? touchpoint : 'stream',
    position: (POSITIONS as readonly string[]).includes(pos ?? '') ? (pos as Position) : defaultPosition,
    scale: num(q.get('scale'), 0.25, 4) ?? 1,
    theme: q.get('theme') === 'light' ? 'light' : 'dark',
    fg: colour(q.get('fg')),
    bg: colour(q.get('bg')),
    accent: colour(q.get('accent')),
    margin: num(q.get('margin'), 0, 400),
    size: num(q.get('size'), 160, 1000) ?? 360,
    label: q.get('label')?.slice(0, 60) ?? null,
  };
}

/** Puts the look on `<html>`: CSS variables and data attributes the stylesheet keys on. */
export function applyTheme(p: OverlayParams): void {
  const root = document.documentElement;
  root.dataset.theme = p.theme;
  root.dataset.pos = p.position;
  root.style.setProperty('--scale', String(p.scale));
  if (p.fg) root.style.setProperty('--fg', p.fg);
  if (p.bg) root.style.setProperty('--bg', p.bg);
  if (p.accent) root.style.setProperty('--accent', p.accent);
  if (p.margin !== null) {
    root.style.setProperty('--safe-x', `${p.margin}px`);
    root.style.setProperty('--safe-y', `${p.margin}px`);
  }
}
