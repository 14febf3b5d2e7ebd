import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

/**
 * pino as JSON. Logs carry ids, never personal data: a request is logged by its route pattern
 * ('/api/clients/:id'), never the raw URL with its query string, and never headers or bodies.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  return {
    ...(stream ? { stream } : {}),
    level: config.logLevel,
    base: { service: 'rusfag' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: {
      req(req) {
        return { method: req.method, route: req.routeOptions?.url ?? 'unmatched', id: req.id };
      },
      res(res) {
        return { statusCode: res.statusCode };
      },
      err(err: Error & { code?: string; statusCode?: number }) {
        // Database errors quote offending values ('invalid input syntax for type uuid: "…"') and
        // carry them in `detail`: keep type, code and stack, and cut quoted values from the message.
        const message = err.message.replace(/:\s*".*"\s*$/s, ': "…"').slice(0, 300);
        return { type: err.name, message, code: err.code, statusCode: err.statusCode, stack: err.stack ?? '' };
      },
    },
    redact: { paths: ['req.headers', 'req.body', 'req.query', 'req.params'], remove: true },
  };
}
