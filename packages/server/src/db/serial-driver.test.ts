import { CompiledQuery, type DatabaseConnection, type Driver } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SerialPGliteDriver } from './database.js';

/** A fake inner driver that records the order in which queries run. */
function recordingDriver(log: string[]): Driver {
  const connection: DatabaseConnection = {
    executeQuery: async (query) => {
      log.push(query.sql);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  return {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
}

describe('SerialPGliteDriver', () => {
  it('lets one caller hold the single connection at a time, in arrival order', async () => {
    const log: string[] = [];
    const driver = new SerialPGliteDriver(recordingDriver(log));
    const transaction = (async () => {
      const c = await driver.acquireConnection();
      await driver.beginTransaction(c);
      await c.executeQuery(CompiledQuery.raw('tx 1'));
      await c.executeQuery(CompiledQuery.raw('tx 2'));
      await driver.commitTransaction(c);
      await driver.releaseConnection(c);
    })();
    const single = (async () => {
      const c = await driver.acquireConnection();
      await c.executeQuery(CompiledQuery.raw('single'));
      await driver.releaseConnection(c);
    })();
    await Promise.all([transaction, single]);
    expect(log).toEqual(['BEGIN', 'tx 1', 'tx 2', 'COMMIT', 'single']);
  });

  it('fails a caller that waits too long, and still hands the turn on', async () => {
    const log: string[] = [];
    const driver = new SerialPGliteDriver(recordingDriver(log), 50);
    const holder = await driver.acquireConnection();
    await expect(driver.acquireConnection()).rejects.toThrow(/opptatt/);
    const waiting = driver.acquireConnection();
    await driver.releaseConnection(holder);
    const next = await Promise.race([waiting, new Promise((resolve) => setTimeout(() => resolve('stuck'), 40))]);
    expect(next).not.toBe('stuck');
  });
});
