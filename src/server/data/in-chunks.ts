/**
 * Runs `query` for successive slices of `ids` and concatenates the rows: an `id IN (…)` list of a
 * whole large university (20,000 members and more) would exceed the bind-parameter limit of one
 * PostgreSQL statement. Small lists take one query as before.
 */
export async function findInChunks<T>(
  ids: readonly string[],
  query: (chunk: string[]) => Promise<T[]>,
  size = 5000,
): Promise<T[]> {
  if (ids.length <= size) return ids.length ? query([...ids]) : [];
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await query(ids.slice(i, i + size))));
  return out;
}
