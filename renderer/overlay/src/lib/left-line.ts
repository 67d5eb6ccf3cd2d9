/**
 * "3 left · 2 in checkout": units held for buyers who are paying are neither for sale nor sold yet,
 * and saying so keeps "0 left" from looking like a sold-out drop that then comes back.
 */
export function leftLine(soldOut: boolean, stock: number, held: number): string {
  if (soldOut) return 'SOLD OUT';
  return held > 0 ? `${stock} left · ${held} in checkout` : `${stock} left`;
}
