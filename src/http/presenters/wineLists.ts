import type { z } from 'zod';
import type { WineList } from '../../db/repositories/wineLists.ts';
import { centsToEuros } from '../../domain/money.ts';
import type { Entry } from '../../services/wineLists/wineListEntries.ts';
import type { entryDto, wineListDto } from '../routes/wineLists.schema.ts';

type WineListDto = z.input<typeof wineListDto>;
type WineListEntryDto = z.input<typeof entryDto>;
const money = (cents: number | null) => (cents === null ? null : centsToEuros(cents));

export const toWineListDto = (l: WineList): WineListDto => ({
  id: l.id,
  name: l.name,
  slug: l.slug,
  published: l.published,
  publicPath: `/carte/${l.slug}`,
  headerName: l.headerName,
  headerAddress: l.headerAddress,
  lowStockThreshold: l.lowStockThreshold,
  sectionOrder: l.sectionOrder,
  manualOrder: l.manualOrder,
  hasLogo: l.hasLogo,
  itemCount: l.itemCount,
  updatedAt: l.updatedAt,
});

export const toEntryDto = (e: Entry): WineListEntryDto => ({
  drinkId: e.drinkId,
  section: e.section,
  sectionOverride: e.sectionOverride,
  position: e.position,
  note: e.note,
  producer: e.producer,
  cuvee: e.cuvee,
  appellation: e.appellation,
  region: e.region,
  vintage: e.vintage,
  formatCl: e.formatCl,
  prices: e.prices.map((p) => ({
    serving: p.serving,
    volumeCl: p.volumeCl,
    price: centsToEuros(p.cents),
    source: p.source,
    tillLabel: p.tillLabel,
  })),
  tillLinked: e.tillLinked,
  ownPrice: money(e.ownPriceCents),
  manualPrice: money(e.manualPriceCents),
  stock: e.stock,
  available: e.available,
  lastBottles: e.lastBottles,
  warnings: e.warnings,
});
