/**
 * Smallest module edge in px on the 1080p canvas. A 720p stream scales that to 4 px, which phone
 * cameras still read from a screen across a room; below that, compression smears the modules.
 */
export const MIN_MODULE_PX = 6;

/**
 * Puts the core's QR SVG into `box`, sized to a whole number of pixels per module (no blurry
 * half-pixel edges) of at least MIN_MODULE_PX, as close to `targetPx` as that allows.
 */
export function mountQrSvg(box: HTMLElement, svgText: string, targetPx: number): void {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') throw new Error('QR image is not an SVG');
  const modules = Number(svg.getAttribute('viewBox')?.split(/\s+/)[2]);
  if (!Number.isFinite(modules) || modules <= 0) throw new Error('QR image has no viewBox');
  const modulePx = Math.max(MIN_MODULE_PX, Math.floor(targetPx / modules));
  const edge = modulePx * modules;
  svg.setAttribute('width', String(edge));
  svg.setAttribute('height', String(edge));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'QR code');
  box.replaceChildren(document.importNode(svg, true));
  box.dataset.modules = String(modules);
}
