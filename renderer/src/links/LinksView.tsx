import { useState, type ReactNode } from 'react';
import type { Drop } from '../../../shared/drops';
import type { Link } from '../../../shared/links';
import type { Touchpoint } from '../../../shared/touchpoints';
import { usePanel } from '../api/panel-context';
import { useTicker } from '../hooks/useTicker';
import type { PanelViewProps } from '../shell/view-props';
import { CreateLinkForm } from './CreateLinkForm';
import { LinkCard } from './LinkCard';
import { LoadFailed } from '../components/LoadFailed';
import { OverlayUrls } from './OverlayUrls';
import { splitLinks } from './link-status';
import { useDropLinks } from './useDropLinks';
import './links.css';

const DROP_STATE: Record<Drop['state'], string> = {
  draft: 'draft',
  scheduled: 'scheduled',
  live: 'live',
  sold_out: 'sold out',
  ended: 'ended',
};

/** The drop a host most likely wants links for: the one on air, else the newest. */
function defaultDrop(drops: readonly Drop[]): number | null {
  return (drops.find((d) => d.state === 'live') ?? drops[0])?.id ?? null;
}

/** Per-touchpoint short links with their QR codes (to paste, print or revoke), and the overlay URLs. */
export function LinksView({ state, me, socket }: PanelViewProps) {
  const { serverNow } = usePanel();
  const [picked, setPicked] = useState<number | null>(null);
  const [pinOverlays, setPinOverlays] = useState(false);
  const drops = state.drops;
  const dropId = drops.some((d) => d.id === picked) ? picked : defaultDrop(drops);
  const drop = drops.find((d) => d.id === dropId) ?? null;
  const { links, touchpoints, retry, upsert } = useDropLinks(dropId, socket);
  // Once a minute is enough to move "valid until" along and retire links that just expired.
  useTicker(true, 30_000);

  const tpList: Touchpoint[] = touchpoints?.state === 'ready' ? touchpoints.value : [];
  const labelOf = (key: string): string => tpList.find((t) => t.key === key)?.label || key;

  return (
    <div className="screen links-screen">
      <section className="card links-drop" aria-labelledby="links-title">
        <h2 id="links-title">Links &amp; QR</h2>
        {drops.length === 0 ? (
          <p className="muted">
            No drops yet. {me.role === 'host' ? 'Create one under “Shows & drops”' : 'The host creates them'},
            then come back for its links and QR codes.
          </p>
        ) : (
          <div className="field">
            <label htmlFor="links-drop">Drop</label>
            <select id="links-drop" value={dropId ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
              {drops.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title} ({DROP_STATE[d.state]})
                </option>
              ))}
            </select>
          </div>
        )}
      </section>

      {drop && touchpoints?.state === 'error' && (
        <LoadFailed what="the touchpoints" message={touchpoints.message} onRetry={retry} />
      )}
      {drop && touchpoints?.state === 'ready' && (
        <CreateLinkForm dropId={drop.id} touchpoints={tpList} onCreated={upsert} />
      )}

      {drop && (
        <section className="links-list" aria-label="Links of this drop">
          {links?.state === 'loading' && <p className="muted card">Loading links…</p>}
          {links?.state === 'error' && (
            <LoadFailed what="the links" message={links.message} onRetry={retry} />
          )}
          {links?.state === 'ready' && (
            <LinkGroups
              split={splitLinks(links.value, serverNow())}
              render={(link) => (
                <LinkCard
                  key={link.code}
                  link={link}
                  dropTitle={drop.title}
                  touchpointLabel={labelOf(link.touchpoint)}
                  canRevoke={me.role === 'host'}
                  onChanged={upsert}
                />
              )}
            />
          )}
        </section>
      )}

      <section className="card overlay-card" aria-labelledby="overlay-urls-title">
        <h2 id="overlay-urls-title">Overlay URLs for OBS</h2>
        {drop && (
          <label className="check">
            <input type="checkbox" checked={pinOverlays} onChange={(e) => setPinOverlays(e.target.checked)} />
            <span>
              Pin the drop overlays to “{drop.title}” (otherwise they follow whichever drop is live)
            </span>
          </label>
        )}
        <OverlayUrls dropId={pinOverlays && drop ? drop.id : undefined} touchpoints={tpList} />
      </section>
    </div>
  );
}

function LinkGroups({
  split,
  render,
}: {
  split: ReturnType<typeof splitLinks>;
  render: (link: Link) => ReactNode;
}) {
  if (split.active.length === 0 && split.past.length === 0) {
    return (
      <p className="card muted">No links for this drop yet. Create one above for each place you share it.</p>
    );
  }
  return (
    <>
      <h2 className="links-list__title">Active links ({split.active.length})</h2>
      {split.active.length === 0 && <p className="muted">None active: every link expired or was revoked.</p>}
      {split.active.map(render)}
      {split.past.length > 0 && (
        <>
          <h2 className="links-list__title">Expired and revoked ({split.past.length})</h2>
          {split.past.map(render)}
        </>
      )}
    </>
  );
}
