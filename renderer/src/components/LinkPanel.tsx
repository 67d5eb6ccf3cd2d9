import { useState, type MouseEvent } from 'react';
import type { Link } from '../../../shared/links';
import { usePanel } from '../api/panel-context';
import { desktopBridge } from '../bridge';
import { QrCanvas } from './QrCanvas';
import { ActionError } from './ActionError';

/**
 * "Get link" for one touchpoint: the short link to paste into DMs and posts, and its QR (the `?s=qr`
 * variant, so scans and clicks are counted apart) to hold up to the camera or put on a sign.
 */
export function LinkPanel({ dropId }: { dropId: number }) {
  const { api, touchpoints } = usePanel();
  const [touchpoint, setTouchpoint] = useState('');
  const [link, setLink] = useState<Link | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const selected = touchpoint || touchpoints[0]?.key || '';

  const getLink = async (): Promise<void> => {
    setError(null);
    setCopied(false);
    // The touchpoint's current link (made when there is none): pressing it twice mid-show gives the
    // same QR, rather than piling up links the Links screen would then list.
    const result = await api.call('link:current', { id: dropId, touchpoint: selected });
    if (result.ok) setLink(result.value);
    else setError(result.error.message);
  };

  const copy = async (url: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Plain-http LAN pages have no clipboard API; the link stays selectable on screen.
      setError('Copy is not available here — select the link and copy it by hand.');
    }
  };

  const open = (event: MouseEvent<HTMLAnchorElement>, url: string): void => {
    const bridge = desktopBridge();
    if (!bridge) return;
    // In the desktop app, links open in the OS browser (the window itself never navigates away).
    event.preventDefault();
    void bridge.openExternal(url);
  };

  return (
    <section className="links" aria-label="Links">
      <div className="controls__row">
        <label className="inline-field">
          <span>Touchpoint</span>
          <select value={selected} onChange={(e) => setTouchpoint(e.target.value)}>
            {touchpoints.map((tp) => (
              <option key={tp.key} value={tp.key}>
                {tp.label || tp.key}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={!selected} onClick={() => void getLink()}>
          Get link
        </button>
      </div>
      <ActionError error={error} />
      {link && (
        <div className="link-result">
          <QrCanvas text={link.qrUrl} />
          <div className="link-result__text">
            <a href={link.url} target="_blank" rel="noreferrer noopener" onClick={(e) => open(e, link.url)}>
              {link.url}
            </a>
            <button type="button" className="button" onClick={() => void copy(link.url)}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
            <p className="muted">Valid until {new Date(link.expiresAt).toLocaleString()}</p>
          </div>
        </div>
      )}
    </section>
  );
}
