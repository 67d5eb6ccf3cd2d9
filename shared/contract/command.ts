import type { z } from 'zod';
import type { ErrorCode } from '../result';
import type { Access } from './access';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * One command of the core: its name is the map key (`domain:verb`), the rest is here. HTTP routes,
 * `/control` socket events, the OpenAPI document and the panel's client are all derived from these.
 *
 * `input` is one object: path parameters (`:id` in `path`) are read from it, the other fields travel
 * as the JSON body (or the query string for GET). `output` is checked before it leaves the core.
 */
export interface CommandSpec<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> {
  access: Access;
  method: HttpMethod;
  /** Fastify-style path, e.g. `/api/drops/:id/start`; every `:param` must be a field of `input`. */
  path: string;
  input: I;
  output: O;
  summary: string;
  description?: string;
  /** Success status; a function when it depends on the outcome (201 created vs 200 already there). */
  status?: number | ((output: z.output<O>) => number);
  /** Error codes this command can answer with (for the API description). */
  errors?: readonly ErrorCode[];
}

/** Declares a command while keeping its exact input and output types. */
export const command = <I extends z.ZodObject, O extends z.ZodType>(
  spec: CommandSpec<I, O>,
): CommandSpec<I, O> => spec;

/** The `:param` names in a path, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((m) => m[1]);
}
