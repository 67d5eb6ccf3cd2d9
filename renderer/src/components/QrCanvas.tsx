import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';

/** Draws `text` as a QR code. Error correction M: survives stream compression and a phone at an angle. */
export function QrCanvas({ text, size = 220 }: { text: string; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!canvas.current) return;
    QRCode.toCanvas(canvas.current, text, { width: size, margin: 2, errorCorrectionLevel: 'M' }).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  }, [text, size]);

  if (failed) return <p className="action-error">Could not draw the QR code for this link.</p>;
  return <canvas ref={canvas} className="qr" role="img" aria-label={`QR code for ${text}`} />;
}
