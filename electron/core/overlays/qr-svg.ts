import { toString as qrToString } from 'qrcode';

/**
 * The QR for a link as SVG, built for being filmed: error correction M (survives stream compression
 * and a partly covered code better than L, while keeping modules larger than Q/H would), the standard
 * 4-module quiet zone, pure black on opaque white whatever the overlay theme (phone scanners expect
 * dark-on-light), and crisp module edges. The viewBox is in modules, so a page can scale it to a whole
 * number of pixels per module.
 */
export function renderQrSvg(text: string): Promise<string> {
  return qrToString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}
