import { describe, expect, it } from 'vitest';
import { PageCache, publicSnapshotChanged, snapshotGeneration } from './page-cache.js';

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

  it('does not keep a page rendered from a snapshot that changed while it was rendered', () => {
    const cache = new PageCache(60_000);
    const renderedAt = snapshotGeneration();
    publicSnapshotChanged();
    cache.set('/tjenester?q=lar', { status: 200, body: 'old' }, 1_000, renderedAt);
    expect(cache.get('/tjenester?q=lar', 2_000)).toBeUndefined();
  });

  it('keeps nothing when turned off', () => {
    const cache = new PageCache(0);
    cache.set('/tjenester', { status: 200, body: 'a' });
    expect(cache.get('/tjenester')).toBeUndefined();
  });
});
