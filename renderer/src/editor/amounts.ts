import { parsePriceToCents, parseWholeNumber } from '../lib/format';

/** 2500 → "25.00": how a price goes back into a text input (no currency sign, no grouping). */
export function centsToDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** A whole number within [min, max], or null (empty, fractional, out of range). */
export function wholeInRange(text: string, min: number, max: number): number | null {
  const n = parseWholeNumber(text);
  return n !== null && n >= min && n <= max ? n : null;
}

/** "5" minutes + "30" seconds → 330; either box may be empty (read as 0). Null when not whole numbers. */
export function minutesAndSecondsToSec(minutes: string, seconds: string): number | null {
  const m = minutes.trim() === '' ? 0 : parseWholeNumber(minutes);
  const s = seconds.trim() === '' ? 0 : parseWholeNumber(seconds);
  if (m === null || s === null || m < 0 || s < 0) return null;
  return m * 60 + s;
}

/** 330 → { minutes: "5", seconds: "30" }. */
export function secToMinutesAndSeconds(total: number): { minutes: string; seconds: string } {
  return { minutes: String(Math.floor(total / 60)), seconds: String(total % 60) };
}

export { parsePriceToCents };

/**
 * Why a checkout URL cannot work, or null. The core checks it again (credentials, length) and its
 * message replaces ours; this catches typos before a round trip.
 */
export function checkoutUrlProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter the checkout link buyers are sent to, e.g. https://shop.example/checkout';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Enter a full web address starting with https://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The checkout link must start with https:// (or http://)';
  }
  return null;
}

/** 750 → "12 min 30 s", 300 → "5 min", 45 → "45 s". */
export function formatDuration(totalSec: number): string {
  const { minutes, seconds } = secToMinutesAndSeconds(totalSec);
  if (minutes === '0') return `${seconds} s`;
  return seconds === '0' ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** "12.5" or "12,50" → 12.5 (a share in percent, two decimals at most); null otherwise. */
export function parsePercent(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalized)) return null;
  const value = Number(normalized);
  return value > 0 && value <= 100 ? value : null;
}
