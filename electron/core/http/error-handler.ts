import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HTTP_STATUS, type ErrorCode } from '../../../shared/result';
import type { Logger } from '../log';
import { AppError, RateLimitedError } from '../domain-error';

/** Turns every failure into `{error: {code, message}}`; validation names the field that is wrong. */
export function installErrorHandler(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSec));
      return reply.status(HTTP_STATUS[error.code]).send({ error: error.toBody() });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const message = error.validation
        .map((issue) => {
          const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
          const where = path || error.validationContext || 'request';
          return `${where}: ${issue.message}`;
        })
        .join('; ');
      return reply.status(400).send({ error: { code: 'bad_request', message } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      log.error('request failed', { url: request.url, error: String(error.stack ?? error) });
      return reply
        .status(500)
        .send({ error: { code: 'internal', message: 'Something went wrong inside DropDeck; see the log.' } });
    }
    const code: ErrorCode =
      status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : 'bad_request';
    return reply.status(status).send({ error: { code, message: error.message } });
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}
