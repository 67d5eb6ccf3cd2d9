import QRCode from 'qrcode';

/**
 * Print-size QR files. Error correction M and a 4-module quiet zone (the QR standard's), so a code
 * on a venue sign still scans from a metre away or under glare.
 */
const PRINT = { errorCorrectionLevel: 'M', margin: 4 } as const;

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...PRINT, type: 'svg', width: 1024 });
}

export async function qrPng(text: string): Promise<Blob> {
  const canvas = document.createElement('canvas');
  await QRCode.toCanvas(canvas, text, { ...PRINT, width: 1024 });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Saves a Blob under `fileName` through a temporary `<a download>` (works in Electron and phones). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the time the click returns; the object URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
