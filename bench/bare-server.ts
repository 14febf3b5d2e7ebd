/**
 * The baseline: a bare Fastify hello-world on the same Node and Fastify as Rusfag. Every figure
 * of the benchmark is read as a fraction of this server's requests per second, measured in the
 * same run on the same machine.
 *
 * Run by bench/run.ts as its own process: PORT (required), HOST (default 127.0.0.1).
 */
import Fastify from 'fastify';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('bare-server: PORT must be set');
  process.exit(2);
}
const host = process.env.HOST ?? '127.0.0.1';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

const stop = () => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

await app.listen({ port, host });
console.log(`bare fastify listening on http://${host}:${port}`);
