import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { COMMANDS, pathParams, type CommandName, type CommandSpec } from '../../../shared/contract';
import { HTTP_STATUS, type ErrorCode } from '../../../shared/result';
import type { CommandRunner } from '../commands/execute';
import { ErrorBodySchema } from './error-schema';
import type { ZodApp } from './zod-app';
import './route-access';

/** Fields travel in the query string for reads and in the JSON body for everything else. */
const readsQuery = (spec: CommandSpec): boolean => spec.method === 'GET';

/**
 * The HTTP face of the command map: one route per command, with the path, method, declared access
 * and API description all taken from the contract. The route only gathers the input (path params plus
 * body or query) and hands it to the same runner the socket uses; validation happens there, once, so
 * both doors refuse the same way. Fastify's own validation and serialisation are switched off here.
 */
export function registerCommandRoutes(app: ZodApp, run: CommandRunner): void {
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    const spec: CommandSpec = COMMANDS[name];
    app.route({
      method: spec.method,
      url: spec.path,
      config: { access: spec.access },
      schema: describe(spec),
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      serializerCompiler: () => (data) => JSON.stringify(data),
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const input = {
          ...(readsQuery(spec) ? (req.query as object) : (req.body as object | undefined)),
          ...(req.params as object),
        };
        const output = await run(name, input, { principal: req.principal, clientAddress: req.clientAddress });
        const status = typeof spec.status === 'function' ? spec.status(output) : (spec.status ?? 200);
        return reply.status(status).send(output);
      },
    });
  }
}

/** The OpenAPI side of a command (through @fastify/swagger's zod transform). */
function describe(spec: CommandSpec): Record<string, unknown> {
  const params = pathParams(spec.path);
  const shape = spec.input.shape as Record<string, z.ZodType>;
  const rest = Object.fromEntries(Object.entries(shape).filter(([k]) => !params.includes(k)));
  const success = typeof spec.status === 'number' ? [spec.status] : spec.status ? [200, 201] : [200];
  const errors: readonly ErrorCode[] = [
    ...(spec.access === 'public' ? [] : (['unauthorized', 'forbidden', 'rate_limited'] as const)),
    ...(spec.errors ?? []),
  ];
  const response: Record<number, z.ZodType> = {};
  for (const s of success) response[s] = spec.output;
  for (const code of errors) response[HTTP_STATUS[code]] = ErrorBodySchema;
  return {
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.access === 'public' ? 'public' : spec.access === 'host' ? 'host only' : 'host and co-hosts'],
    ...(spec.access === 'public' ? { security: [] } : {}),
    ...(params.length > 0 ? { params: z.object(Object.fromEntries(params.map((p) => [p, shape[p]]))) } : {}),
    ...(Object.keys(rest).length > 0
      ? readsQuery(spec)
        ? { querystring: z.object(rest) }
        : { body: z.object(rest) }
      : {}),
    response,
  };
}
