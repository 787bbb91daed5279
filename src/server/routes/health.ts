/** Liveness and readiness, for load balancers and monitoring. */
import * as z from 'zod/mini';
import { Health } from 'citylab-sdk/contract';
import { documented } from '../openapi.js';
import { ProblemError } from '../problem.js';
import type { RouteModuleFactory } from './module.js';
import { route } from './table.js';

const Readiness = documented(
  z.object({ status: z.literal('ready'), storage: z.enum(['sqlite', 'postgres']) }),
  'Readiness',
  'The instance takes requests, and which database it uses.',
);

const NOT_READY_RETRY = { 'Retry-After': '5' };

export const healthRoutes: RouteModuleFactory = ({ storage, log, now, options }) => ({
  api: [
    route({
      method: 'get',
      path: '/v1/health',
      operationId: 'getHealth',
      summary: 'Liveness: the process runs',
      tag: 'endpoint',
      access: 'public',
      responses: { 200: { description: 'The endpoint is up.', schema: Health } },
      handle: (c) => c.json({ status: 'ok', version: options.version, time: now().toISOString() }, 200, { 'Cache-Control': 'no-store' }),
    }),
    route({
      method: 'get',
      path: '/v1/ready',
      operationId: 'getReadiness',
      summary: 'Readiness: the database answers and the instance is not shutting down',
      tag: 'endpoint',
      access: 'public',
      responses: { 200: { description: 'Ready to take requests.', schema: Readiness } },
      problems: ['not-ready'],
      handle: async (c) => {
        if (options.draining?.()) throw new ProblemError('not-ready', 'This instance is shutting down.', { headers: NOT_READY_RETRY });
        try {
          await storage.ping();
        } catch (err) {
          log.error('not-ready', { storage: storage.kind, message: (err as Error).message });
          throw new ProblemError('not-ready', 'The database does not answer.', { headers: NOT_READY_RETRY });
        }
        return c.json({ status: 'ready', storage: storage.kind }, 200, { 'Cache-Control': 'no-store' });
      },
    }),
  ],
});
