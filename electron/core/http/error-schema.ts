import { z } from 'zod';
import { ERROR_CODES } from '../../../shared/result';

/** The `{error: {code, message}}` body, for the OpenAPI description of 4xx responses. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});
