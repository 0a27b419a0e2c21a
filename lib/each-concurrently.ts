/**
 * Runs job over items with at most `lanes` of them pending at once: the build steps that touch
 * every file of the export (scripts/strip-runtime.ts, scripts/precompress.ts) keep the other core
 * or libuv's threads busy without opening every file at the same time.
 */
export async function eachConcurrently<T>(
  items: readonly T[],
  lanes: number,
  job: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await job(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
}
