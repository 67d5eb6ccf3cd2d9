import type { RecentSale } from '../../../../shared/hub-events';

/** "Thanks Sam!", "Thanks Sam & Kim!", "Thanks Sam, Kim & Alex!" from the newest named buyers. */
export function recognitionLine(sales: RecentSale[]): string {
  const names: string[] = [];
  for (const s of sales) {
    const name = s.buyerDisplay?.trim();
    if (name && !names.includes(name)) names.push(name);
    if (names.length === 3) break;
  }
  if (names.length === 0) return '';
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`;
  return `Thanks ${list}!`;
}
