import jsQR, { type QRCode } from 'jsqr';
import { PNG } from 'pngjs';

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export function fromPng(png: Buffer): Pixels {
  const img = PNG.sync.read(png);
  return { data: new Uint8ClampedArray(img.data), width: img.width, height: img.height };
}

export function decodeQr(img: Pixels): QRCode | null {
  return jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
}

/**
 * What a 720p stream does to the 1080p canvas: each output pixel is the average of the source area
 * it covers (box filter), so thin modules blur into their neighbours the way a real downscale does.
 */
export function downscale(src: Pixels, width: number, height: number): Pixels {
  const out = new Uint8ClampedArray(width * height * 4);
  const fx = src.width / width;
  const fy = src.height / height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const acc = [0, 0, 0, 0];
      let weight = 0;
      for (let sy = Math.floor(y * fy); sy < Math.ceil((y + 1) * fy); sy++) {
        for (let sx = Math.floor(x * fx); sx < Math.ceil((x + 1) * fx); sx++) {
          const wx = Math.min(sx + 1, (x + 1) * fx) - Math.max(sx, x * fx);
          const wy = Math.min(sy + 1, (y + 1) * fy) - Math.max(sy, y * fy);
          const i = (sy * src.width + sx) * 4;
          for (let c = 0; c < 4; c++) acc[c] += src.data[i + c] * wx * wy;
          weight += wx * wy;
        }
      }
      for (let c = 0; c < 4; c++) out[(y * width + x) * 4 + c] = Math.round(acc[c] / weight);
    }
  }
  return { data: out, width, height };
}

/** Edge of one module in screen pixels, from where the decoder found the symbol's corners. */
export function modulePx(code: QRCode): number {
  const { topLeftCorner: a, topRightCorner: b } = code.location;
  const symbolModules = 17 + 4 * code.version;
  return Math.hypot(b.x - a.x, b.y - a.y) / symbolModules;
}

/**
 * True when every pixel from half a module to just under `modules` modules outside the symbol is
 * light: the quiet zone scanners need is really there on screen, not only in the SVG.
 */
export function quietZoneIsLight(img: Pixels, code: QRCode, modules: number): boolean {
  const m = modulePx(code);
  const { topLeftCorner: tl, bottomRightCorner: br } = code.location;
  const inner = { x0: tl.x - m / 2, y0: tl.y - m / 2, x1: br.x + m / 2, y1: br.y + m / 2 };
  const reach = (modules - 0.1) * m;
  // Pixel centres (x + 0.5) inside the ring; the symbol's corners are pixel edges.
  for (let y = Math.ceil(tl.y - reach - 0.5); y + 0.5 <= br.y + reach; y++) {
    for (let x = Math.ceil(tl.x - reach - 0.5); x + 0.5 <= br.x + reach; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      if (cx >= inner.x0 && cx <= inner.x1 && cy >= inner.y0 && cy <= inner.y1) continue;
      const i = (y * img.width + x) * 4;
      const grey = (img.data[i] + img.data[i + 1] + img.data[i + 2]) / 3;
      if (grey < 200) return false;
    }
  }
  return true;
}
