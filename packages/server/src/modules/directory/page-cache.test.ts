import { describe, expect, it } from 'vitest';
import { PageCache, publicSnapshotChanged } from './page-cache.js';

describe('public page cache', () => {
  it('serves a page until it expires or the published snapshot changes', () => {
    const cache = new PageCache(60_000);
    cache.set('/tjenester?q=bolig', { status: 200, body: 'a' }, 1_000);
    expect(cache.get('/tjenester?q=bolig', 30_000)?.body).toBe('a');
    expect(cache.get('/tjenester?q=bolig', 61_000)).toBeUndefined();
    cache.set('/tjenester?q=bolig', { status: 200, body: 'b' }, 1_000);
    publicSnapshotChanged();
    expect(cache.get('/tjenester?q=bolig', 2_000)).toBeUndefined();
  });

  it('keeps nothing when turned off', () => {
    const cache = new PageCache(0);
    cache.set('/tjenester', { status: 200, body: 'a' });
    expect(cache.get('/tjenester')).toBeUndefined();
  });
});
