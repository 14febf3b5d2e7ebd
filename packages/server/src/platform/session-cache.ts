import type { LoadedSession } from './sessions.js';

/**
 * Recently used sessions, kept in memory for a few seconds so that a request does not always
 * need a database round trip to know who is asking (ADR 0006). Safe because it is emptied:
 * - on every state-changing request handled by this server (before the answer is sent),
 * - whenever the database notifies that users, roles, units or sessions changed (any server),
 * - and it is switched off while that notification channel is down.
 * Entries live at most `ttlMs`, which bounds how stale anything can be if a notice is lost.
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: LoadedSession; until: number }>();
  #listening = false;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.#listening;
  }

  /** Set by the change listener: without notifications the cache must not be used. */
  setListening(listening: boolean): void {
    this.#listening = listening;
    if (!listening) this.clear();
  }

  get(tokenHash: string): LoadedSession | undefined {
    if (!this.enabled) return undefined;
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= Date.now()) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return entry.session;
  }

  set(tokenHash: string, session: LoadedSession): void {
    if (!this.enabled) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(tokenHash, { session, until: Date.now() + this.ttlMs });
  }

  /** Keeps the entry's expiry, updates what it holds (after last_seen_at was written). */
  update(tokenHash: string, session: LoadedSession): void {
    const entry = this.#entries.get(tokenHash);
    if (entry) entry.session = session;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
