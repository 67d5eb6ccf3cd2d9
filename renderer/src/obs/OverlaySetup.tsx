import { useState } from 'react';
import type { Drop } from '../../../shared/drops';
import { OVERLAY_KINDS, type OverlayKind, type OverlaySetupResult } from '../../../shared/obs';
import type { AppErrorBody } from '../../../shared/result';
import type { Touchpoint } from '../../../shared/touchpoints';
import { usePanel } from '../api/panel-context';
import { OverlayUrls } from '../links/OverlayUrls';

interface Props {
  connected: boolean;
  scenes: readonly string[];
  drops: readonly Drop[];
  touchpoints: readonly Touchpoint[];
}

const DEDICATED = '';
const LABEL: Record<OverlayKind, string> = { timer: 'Timer', qr: 'QR code', ticker: 'Ticker', chat: 'Chat' };

/**
 * One click: DropDeck's overlays as browser sources in OBS, created or updated (never duplicated).
 * Some OBS builds (Debian's) have no browser source; the core then says so, and the same URLs are
 * listed here so the host can add them another way.
 */
export function OverlaySetup({ connected, scenes, drops, touchpoints }: Props) {
  const { api } = usePanel();
  const [target, setTarget] = useState(DEDICATED);
  const [dropId, setDropId] = useState('');
  const [kinds, setKinds] = useState<OverlayKind[]>([...OVERLAY_KINDS]);
  const [result, setResult] = useState<OverlaySetupResult | null>(null);
  const [error, setError] = useState<AppErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const scene = scenes.includes(target) ? target : DEDICATED;
  const pinned = drops.some((d) => String(d.id) === dropId) ? Number(dropId) : undefined;

  const toggle = (kind: OverlayKind, on: boolean): void =>
    setKinds((current) => OVERLAY_KINDS.filter((k) => (k === kind ? on : current.includes(k))));

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setResult(null);
    const result = await api.call('obs:setup-overlays', {
      ...(scene === DEDICATED ? {} : { scene }),
      ...(pinned === undefined ? {} : { dropId: pinned }),
      overlays: kinds,
    });
    setBusy(false);
    if (result.ok) setResult(result.value);
    else setError(result.error);
  };

  return (
    <section className="card overlay-setup" aria-labelledby="overlay-setup-title">
      <h2 id="overlay-setup-title">Overlays in OBS</h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor="overlay-scene">Put them in</label>
          <select id="overlay-scene" value={scene} onChange={(e) => setTarget(e.target.value)}>
            <option value={DEDICATED}>New scene “DropDeck Overlays”</option>
            {scenes.map((s) => (
              <option key={s} value={s}>
                Scene “{s}”
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="overlay-drop">They show</label>
          <select id="overlay-drop" value={pinned ?? ''} onChange={(e) => setDropId(e.target.value)}>
            <option value="">Whichever drop is live</option>
            {drops.map((d) => (
              <option key={d.id} value={d.id}>
                Only “{d.title}”
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="overlay-kinds">
        <legend>Overlays</legend>
        {OVERLAY_KINDS.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => toggle(k, e.target.checked)}
            />
            <span>{LABEL[k]}</span>
          </label>
        ))}
      </fieldset>
      <div className="controls__row">
        <button
          type="button"
          className="button button--primary"
          disabled={!connected || busy || kinds.length === 0}
          onClick={() => void run()}
        >
          {busy ? 'Setting up…' : 'Set up overlays in OBS'}
        </button>
        {!connected && <span className="muted">Connect to OBS first.</span>}
      </div>

      {result && <SetupDone result={result} />}
      {error && (
        <div className="overlay-setup__problem">
          <div className="form-error" role="alert">
            <p>
              <strong>
                {error.code === 'unsupported' ? 'OBS cannot take browser sources' : 'Overlay setup failed'}
              </strong>
            </p>
            <p>{error.message}</p>
          </div>
          {error.code === 'unsupported' && (
            <>
              <p>
                What you can do now: add each overlay by hand (a Browser source in an OBS that has one, or a
                window capture of a browser showing the page) with these URLs.
              </p>
              <OverlayUrls dropId={pinned} touchpoints={touchpoints} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

function SetupDone({ result }: { result: OverlaySetupResult }) {
  return (
    <div className="overlay-setup__done" role="status">
      <p>
        <strong>Done.</strong> {result.sceneCreated ? 'Created the scene' : 'Used the scene'} “{result.scene}”
        ({result.canvas.width} × {result.canvas.height}).
      </p>
      <ul>
        {result.sources.map((s) => (
          <li key={s.inputName}>
            {s.action === 'created' ? 'Created' : 'Updated'} “{s.inputName}” → <code>{s.url}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
