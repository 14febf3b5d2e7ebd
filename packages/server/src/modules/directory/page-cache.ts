/**
 * Rendered public directory pages, kept for a short while (PUBLIC_PAGE_CACHE_SECONDS). The pages
 * hold no personal data and are the same for everyone, and a handful of searches (a category, a
 * target group, "åpent nå") make up most of the traffic, so a repeat costs a map lookup instead of
 * a search. Any change to the published snapshot on this server empties the cache at once (see
 * public-repository.ts); other servers see it within the TTL. "Open now" may be that old too.
 */
export interface CachedPage {
  status: number;
  body: string;
}

const MAX_ENTRIES = 2_000;
let generation = 0;

/** Called by every write to the published snapshot. */
export function publicSnapshotChanged(): void {
  generation++;
}

/** Read before rendering: a page rendered from the old snapshot must not be kept under a newer generation. */
export function snapshotGeneration(): number {
  return generation;
}

export class PageCache {
  readonly #pages = new Map<string, { page: CachedPage; expires: number; generation: number }>();

  constructor(private readonly ttlMs: number) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.#pages.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now || entry.generation !== generation) {
      this.#pages.delete(key);
      return undefined;
    }
    return entry.page;
  }

  set(key: string, page: CachedPage, now = Date.now(), renderedAt = generation): void {
    if (!this.enabled || renderedAt !== generation) return;
    // Oldest first out: a Map keeps insertion order.
    if (this.#pages.size >= MAX_ENTRIES) this.#pages.delete(this.#pages.keys().next().value!);
    this.#pages.set(key, { page, expires: now + this.ttlMs, generation: renderedAt });
  }
}
