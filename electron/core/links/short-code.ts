import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SHORT_CODE_LENGTH = 10;

/**
 * A crypto-random base62 code: 62^10 ≈ 8·10^17 codes, so they can't be guessed or enumerated.
 * Rejection sampling (bytes ≥ 248 are dropped) keeps every character equally likely.
 */
export function newShortCode(length = SHORT_CODE_LENGTH): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export const SHORT_CODE_PATTERN = /^[0-9A-Za-z]{8,32}$/;
