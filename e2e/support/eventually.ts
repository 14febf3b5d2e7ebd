/**
 * Reads a value from the page until the assertion holds or the time is up; then the last
 * assertion error is thrown (so the failure shows what the page had). Like expect.poll, but
 * usable in beforeAll hooks as well as in tests.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  assertion: (value: T) => void,
  { timeoutMs = 10_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      assertion(value);
      return value;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
