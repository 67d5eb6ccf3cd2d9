import { z } from 'zod';

/**
 * Field types shared by every command. Ids and numbers arriving as strings (paths, query strings) are
 * read strictly: only plain decimal digits become numbers, so `1e3`, `0x10`, `01` or ` 7` are refused
 * instead of quietly naming another record.
 */
const DECIMAL = /^(0|-?[1-9][0-9]{0,15})$/;
const strictNumber = (v: unknown): unknown => (typeof v === 'string' && DECIMAL.test(v) ? Number(v) : v);

/** A positive integer id, from JSON or from a path/query string. */
export const Id = z.preprocess(strictNumber, z.int().positive().max(Number.MAX_SAFE_INTEGER));

/** An integer from JSON or a query string (e.g. `?limit=50`). */
export const QueryInt = (schema: z.ZodInt = z.int()) => z.preprocess(strictNumber, schema);

/**
 * Control characters and the bidi overrides/isolates (U+202A–U+202E, U+2066–U+2069) let a title shown
 * on stream or in the audit log look like something else; names and titles refuse them.
 */
const UNSAFE_TEXT = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A trimmed, single-line, human-visible text between min and max characters. */
export const SafeText = (min: number, max: number, what = 'text') =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `${what} is required` : `${what} needs at least ${min} characters`)
    .max(max, `${what} can be at most ${max} characters`)
    .refine((s) => !UNSAFE_TEXT.test(s), `${what} must not contain control characters or bidi overrides`);

/** An http(s) URL without embedded credentials (`https://user:pass@…` would leak into every QR scan). */
export const HttpUrl = (what: string) =>
  z
    .url({ protocol: /^https?$/, message: `${what} must be an http(s) URL` })
    .max(2000)
    // An `@` in the authority part means user info; shared/ has no URL global (it also runs in preloads).
    .refine((u) => !/^[a-z]+:\/\/[^/?#]*@/i.test(u), `${what} must not contain a user name or password`);

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code such as "EUR"');

/** Empty input for commands that take none (`{}` or nothing at all). */
export const NoInput = z.object({}).strict();
