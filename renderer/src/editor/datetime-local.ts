/** `<input type="datetime-local">` works in this device's zone; these convert at that boundary. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Epoch ms → "2026-12-05T19:30" in this device's time zone. */
export function toDateTimeLocal(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-12-05T19:30" (local) → epoch ms; null for anything else. */
export function fromDateTimeLocal(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number);
  const date = new Date(y, mo - 1, d, h, mi);
  // new Date rolls 2026-02-31 over into March; a typed date that does not exist is refused instead.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}
