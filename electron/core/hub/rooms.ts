/**
 * Room names inside the `/overlay` namespace. A page for one drop joins `drop:<id>`; a page that
 * follows whatever is live joins `announced` (every non-draft drop); a QR page also joins
 * `qr:<id>:<touchpoint>` so link rotations reach exactly the pages showing that code.
 */
export const rooms = {
  drop: (dropId: number): string => `drop:${dropId}`,
  announced: 'announced',
  qr: (dropId: number, touchpoint: string): string => `qr:${dropId}:${touchpoint}`,
} as const;

/** The (drop, touchpoint) pairs some page is showing a QR for, from the adapter's room names. */
export function watchedQrs(roomNames: Iterable<string>): Array<{ dropId: number; touchpoint: string }> {
  const out: Array<{ dropId: number; touchpoint: string }> = [];
  for (const name of roomNames) {
    const m = /^qr:(\d+):(.+)$/.exec(name);
    if (m) out.push({ dropId: Number(m[1]), touchpoint: m[2] });
  }
  return out;
}
