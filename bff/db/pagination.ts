/**
 * Keyset pagination as every list of the API does it: the repository is asked for one row more than the
 * page holds, to know whether another page follows; the cursor is the id of the page's last item.
 */
export async function fetchPage<T extends { id: string }>(
  limit: number,
  fetch: (limitPlusOne: number) => Promise<T[]>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
