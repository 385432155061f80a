import type { Db } from '../../db/database.ts';
import {
  findPublishedBySlug,
  publishedLogo,
  readCarteStamp,
  type WineList,
} from '../../db/repositories/wineLists.ts';
import { wineListEntries } from './readWineList.ts';
import { isPublic, type Section } from './wineListEntries.ts';

/** What may leave the establishment: the header and the available entries, without stock or till data. */
export type PublicEntry = {
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  region: string | null;
  country: string | null;
  vintage: number | null;
  formatCl: number;
  note: string | null;
  lastBottles: boolean;
  prices: {
    serving: Section['entries'][number]['prices'][number]['serving'];
    volumeCl: number;
    cents: number;
  }[];
};
export type PublicCarte = {
  slug: string;
  name: string;
  establishmentId: string;
  headerName: string;
  headerAddress: string | null;
  hasLogo: boolean;
  sections: { key: Section['key']; entries: PublicEntry[] }[];
};

export async function loadPublicCarte(db: Db, slug: string): Promise<PublicCarte | null> {
  const list: WineList | null = await findPublishedBySlug(db, slug);
  if (!list) return null;
  const sections = (await wineListEntries(db, list))
    .map((s) => ({
      key: s.key,
      entries: s.entries.filter(isPublic).map((e): PublicEntry => ({
        producer: e.producer,
        cuvee: e.cuvee,
        appellation: e.appellation,
        region: e.region,
        country: e.country,
        vintage: e.vintage,
        formatCl: e.formatCl,
        note: e.note,
        lastBottles: e.lastBottles,
        prices: e.prices.map((p) => ({ serving: p.serving, volumeCl: p.volumeCl, cents: p.cents })),
      })),
    }))
    .filter((s) => s.entries.length > 0);
  return {
    slug: list.slug,
    name: list.name,
    establishmentId: list.establishmentId,
    headerName: list.headerName,
    headerAddress: list.headerAddress,
    hasLogo: list.hasLogo,
    sections,
  };
}

/** Where a published slug lives, for the cache's freshness check. */
export async function publishedEstablishment(db: Db, slug: string): Promise<string | null> {
  return (await findPublishedBySlug(db, slug))?.establishmentId ?? null;
}

export const carteStamp = (db: Db, establishmentId: string): Promise<number> =>
  readCarteStamp(db, establishmentId);

export const carteLogo = (db: Db, slug: string): Promise<Buffer | null> => publishedLogo(db, slug);
