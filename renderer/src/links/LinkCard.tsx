import { useState } from 'react';
import type { Link } from '../../../shared/links';
import { usePanel } from '../api/panel-context';
import { ActionError } from '../components/ActionError';
import { QrCanvas } from '../components/QrCanvas';
import { CopyField } from './CopyField';
import { linkStatus, qrFileName, timeLeft } from './link-status';
import { qrPng, qrSvg, saveBlob } from './qr-download';

interface Props {
  link: Link;
  dropTitle: string;
  touchpointLabel: string;
  /** Revoking is the host's call (link:revoke is host-only); co-hosts see the same card without it. */
  canRevoke: boolean;
  onChanged: (link: Link) => void;
}

const when = (ms: number): string =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const STATUS_LABEL = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

/** One short link: its QR (the `?s=qr` payload, so scans count apart from clicks), files to print, revoke. */
export function LinkCard({ link, dropTitle, touchpointLabel, canRevoke, onChanged }: Props) {
  const { api, serverNow } = usePanel();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = serverNow();
  const status = linkStatus(link, now);
  const name = `${touchpointLabel} link ${link.code}`;

  const download = async (ext: 'png' | 'svg'): Promise<void> => {
    setError(null);
    try {
      const blob =
        ext === 'png'
          ? await qrPng(link.qrUrl)
          : new Blob([await qrSvg(link.qrUrl)], { type: 'image/svg+xml' });
      saveBlob(blob, qrFileName(dropTitle, link.touchpoint, link.code, ext));
    } catch (err) {
      setError(
        `Could not make the ${ext.toUpperCase()} file: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };

  const revoke = async (): Promise<void> => {
    if (!window.confirm(`Revoke ${link.url}? Anyone who scans or opens it gets a “no longer valid” page.`))
      return;
    setBusy(true);
    setError(null);
    const result = await api.call('link:revoke', { code: link.code });
    setBusy(false);
    if (result.ok) onChanged(result.value);
    else setError(result.error.message);
  };

  return (
    <article className={`card link-card link-card--${status}`} aria-label={name}>
      <header className="link-card__header">
        <h3>{touchpointLabel}</h3>
        <span className={`badge link-badge--${status}`}>{STATUS_LABEL[status]}</span>
      </header>
      <div className="link-card__body">
        {status === 'active' && <QrCanvas text={link.qrUrl} size={200} />}
        <div className="link-card__text">
          <CopyField label={`Link for ${touchpointLabel}`} value={link.url} />
          <p className="muted">
            {status === 'revoked' && link.revokedAt !== null
              ? `Revoked ${when(link.revokedAt)}`
              : status === 'expired'
                ? `Expired ${when(link.expiresAt)}`
                : `Valid until ${when(link.expiresAt)} (${timeLeft(link.expiresAt, now)})`}
          </p>
          {status === 'active' && (
            <div className="controls__row">
              <button type="button" className="button" onClick={() => void download('png')}>
                Download PNG
              </button>
              <button type="button" className="button" onClick={() => void download('svg')}>
                Download SVG
              </button>
              {canRevoke && (
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy}
                  onClick={() => void revoke()}
                >
                  Revoke
                </button>
              )}
            </div>
          )}
          <ActionError error={error} />
        </div>
      </div>
    </article>
  );
}
