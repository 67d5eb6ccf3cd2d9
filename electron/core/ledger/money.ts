/** Minor-unit digits of a currency (EUR 2, JPY 0, KWD 3), from the runtime's ISO 4217 data. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * "25.00" or 25 in a currency's major unit → integer minor units, without floating-point rounding
 * (the digits are shifted as text). Null when it isn't a plain decimal number.
 */
export function toMinor(value: string | number, currency: string): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const digits = minorDigits(currency);
  const fraction = (m[3] ?? '').padEnd(digits, '0');
  // More decimals than the currency has: only zeros may be dropped.
  if (fraction.length > digits && /[^0]/.test(fraction.slice(digits))) return null;
  const minor = Number(m[2] + fraction.slice(0, digits));
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] === '-' ? -minor : minor;
}
