// Finding one's own items in a shared list that other suites also fill: follow nextToken until `found` says the
// collected items hold everything wanted, or the list ends, or `maxPages` pages were read.

export interface Page<T> {
  items: T[];
  nextToken?: string | null;
}

export async function collectPages<T>(
  fetchPage: (nextToken: string | null) => Promise<Page<T>>,
  found: (items: T[]) => boolean,
  maxPages = 100,
): Promise<T[]> {
  const collected: T[] = [];
  let nextToken: string | null = null;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const page = await fetchPage(nextToken);
    collected.push(...page.items);
    nextToken = page.nextToken ?? null;
    if (found(collected) || !nextToken) break;
  }
  return collected;
}
