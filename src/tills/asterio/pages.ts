import { TillError } from '../errors.ts';

type PageInfo = { page: number; pageCount: number; nextPage: number | null };

/**
 * Walks pages 1, 2, … until `nextPage` is null. The cap turns "a page that never ends" into an
 * error instead of a hang; a page that does not advance is refused for the same reason.
 */
export async function fetchAllPages(
  maxPages: number,
  what: string,
  fetchPage: (page: number) => Promise<PageInfo>,
): Promise<void> {
  let page = 1;
  for (let fetched = 1; ; fetched += 1) {
    const info = await fetchPage(page);
    if (info.page !== page) {
      throw new TillError(
        'unexpected_response',
        undefined,
        `${what}: page ${info.page} reçue au lieu de ${page}`,
      );
    }
    if (info.nextPage === null) return;
    if (info.nextPage !== page + 1) {
      throw new TillError(
        'unexpected_response',
        undefined,
        `${what}: page suivante ${info.nextPage} après ${page}`,
      );
    }
    if (fetched >= maxPages) {
      throw new TillError(
        'too_large',
        'La caisse annonce plus de pages que la limite autorisée.',
        `${what}: plus de ${maxPages} pages (pageCount annoncé ${info.pageCount})`,
      );
    }
    page = info.nextPage;
  }
}
