import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Seconds. Ignored when `amount` is given. */
  duration: number;
  /** A fixed number of requests instead of a duration (slow endpoints: exports). */
  amount?: number;
  /** Seconds before a request counts as an error (default 10). */
  timeoutSeconds?: number;
  /** POST with a body made afresh for every request (default: GET). */
  post?: { body: () => string };
  signal: AbortSignal;
}

/** One autocannon run; stops early (and resolves with what it has) when `signal` aborts. */
export function runLoad(options: LoadOptions): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    options.signal.throwIfAborted();
    const post = options.post;
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration }),
        pipelining: 1,
        headers: options.headers ?? {},
        // Counted in `errors`; a request that takes this long would wreck the figures anyway.
        timeout: options.timeoutSeconds ?? 10,
        ...(post
          ? {
              method: 'POST' as const,
              requests: [{ method: 'POST' as const, setupRequest: (request: autocannon.Request) => ({ ...request, body: post.body() }) }],
            }
          : {}),
      },
      (error: unknown, result: autocannon.Result) => {
        options.signal.removeEventListener('abort', stop);
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(result);
      },
    );
    const stop = () => instance.stop();
    options.signal.addEventListener('abort', stop, { once: true });
  });
}
