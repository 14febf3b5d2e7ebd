import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Seconds. */
  duration: number;
  signal: AbortSignal;
}

/** One autocannon run; stops early (and resolves with what it has) when `signal` aborts. */
export function runLoad(options: LoadOptions): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    options.signal.throwIfAborted();
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.duration,
        pipelining: 1,
        headers: options.headers ?? {},
        // Counted in `errors`; a request that takes this long would wreck the figures anyway.
        timeout: 10,
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

