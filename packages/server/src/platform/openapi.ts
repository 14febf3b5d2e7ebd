import { z } from 'zod';
import type { AnyRoute } from './http.js';

/** The OpenAPI 3.1 document, generated from the same zod schemas the server validates with. */
export function openApiDocument(routes: readonly AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const schema = (type: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(type, { io, unrepresentable: 'any' });
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [location, type] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!type) continue;
      const json = schema(type, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: location, required: location === 'path' || (json.required ?? []).includes(name), schema: property });
      }
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      'x-access': route.access,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(route.body, 'input') } } } } : {}),
      responses: {
        [String(route.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: schema(route.response, 'output') } } },
        default: { description: 'Feil: { error: { code, message, details } }' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Rusfag API', version: '0.1.0', description: 'Oslo kommunes plattform for rusfaglig arbeid' },
    paths,
  };
}
