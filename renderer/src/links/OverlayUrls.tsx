import type { Touchpoint } from '../../../shared/touchpoints';
import { CopyField } from './CopyField';
import { overlayUrls, streamTouchpoint } from './overlay-urls';
import './links.css';

interface Props {
  /** Pin the drop pages to this drop; undefined: they follow the live drop. */
  dropId: number | undefined;
  touchpoints: readonly Touchpoint[];
}

/**
 * The overlay pages as OBS browser-source URLs, ready to copy. They are public pages (OBS sends no
 * token), which is why the QR page is only offered for an on-stream touchpoint.
 */
export function OverlayUrls({ dropId, touchpoints }: Props) {
  const qrTouchpoint = streamTouchpoint(touchpoints);
  const urls = overlayUrls({ origin: window.location.origin, dropId, qrTouchpoint });
  return (
    <div className="overlay-urls">
      <ul className="overlay-urls__list">
        {urls.map((o) => (
          <li key={o.page}>
            <CopyField label={`${o.label} overlay URL`} value={o.url} />
            <p className="muted overlay-urls__what">{o.what}</p>
          </li>
        ))}
      </ul>
      {qrTouchpoint === null && (
        <p className="muted">
          No touchpoint is allowed on stream, so there is no QR overlay to add. Mark a public touchpoint “on
          stream” to get one.
        </p>
      )}
      <p className="muted">
        In OBS: Sources → + → Browser, paste the URL, size 1920 × 1080. The pages are transparent and place
        themselves.
      </p>
    </div>
  );
}
