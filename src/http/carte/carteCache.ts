import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Db, ListenInProcess } from '../../db/database.ts';
import type { Lang } from '../../domain/wineList.ts';
import {
  carteLogo,
  carteStamp,
  loadPublicCarte,
  publishedEstablishment,
  type PublicCarte,
} from '../../services/wineLists/publicCarte.ts';
import { renderCarteHtml } from './renderHtml.ts';
import { renderCartePdf } from './renderPdf.ts';

type RenderedPage = { html: Buffer; gzip: Buffer; br: Buffer; etag: string };
type Slot = {
  establishmentId: string;
  stamp: number;
  /** The notice count when loading began, while commit notices were heard; null when they were not. */
  seenNotice: number | null;
  carte: PublicCarte;
  pages: Map<Lang, RenderedPage>;
  pdfs: Map<Lang, Promise<Buffer>>;
};

const MAX_SLOTS = 2000;

/**
 * Rendered public lists, keyed by slug. Each hit reads the establishment's carte_stamp (one primary-key row that
 * triggers bump in the same transaction as any import, stock movement, link, drink or list change), so a cached
 * page is served only while nothing it shows can have changed, in this process or any other.
 * On the embedded engine the same triggers notify 'carte_stamp' before the COMMIT returns, in this (the only)
 * process: a page loaded since its establishment's last notice is served with no read at all.
 */
export class CarteCache {
  private readonly slots = new Map<string, Slot>();
  private readonly loading = new Map<string, Promise<Slot | null>>();
  private readonly stampReads = new Map<string, Promise<number>>();
  private readonly lastNotice = new Map<string, number>();
  private notices = 0;
  private listening = false;
  renders = 0;
  freshnessReads = 0;

  constructor(private readonly db: Db) {}

  /** Listens to commit notices; returns the way to stop. */
  async watch(listen: ListenInProcess): Promise<() => Promise<void>> {
    const stop = await listen('carte_stamp', (establishmentId) => {
      this.notices++;
      this.lastNotice.set(establishmentId, this.notices);
    });
    this.listening = true;
    return async () => {
      this.listening = false;
      await stop().catch(() => undefined);
    };
  }

  private unchangedSinceLoad(slot: Slot): boolean {
    return (
      this.listening &&
      slot.seenNotice !== null &&
      (this.lastNotice.get(slot.establishmentId) ?? 0) <= slot.seenNotice
    );
  }

  private async fresh(slug: string): Promise<Slot | null> {
    const slot = this.slots.get(slug);
    if (slot && this.unchangedSinceLoad(slot)) return slot;
    if (slot && (await this.stamp(slot.establishmentId)) === slot.stamp) return slot;
    let pending = this.loading.get(slug);
    if (!pending) {
      pending = this.load(slug).finally(() => this.loading.delete(slug));
      this.loading.set(slug, pending);
    }
    return pending;
  }

  /**
   * Hits that arrive while a freshness read of the same establishment is in flight share it: under load one
   * primary-key read serves them all, and a page is never older than that one read.
   */
  private stamp(establishmentId: string): Promise<number> {
    let read = this.stampReads.get(establishmentId);
    if (!read) {
      this.freshnessReads++;
      read = carteStamp(this.db, establishmentId).finally(() => this.stampReads.delete(establishmentId));
      this.stampReads.set(establishmentId, read);
    }
    return read;
  }

  private async load(slug: string): Promise<Slot | null> {
    this.slots.delete(slug);
    const seenNotice = this.listening ? this.notices : null;
    const establishmentId = await publishedEstablishment(this.db, slug);
    if (!establishmentId) return null;
    // The stamp is read before the data: a change in between leaves an older stamp, so the next hit reloads.
    const stamp = await carteStamp(this.db, establishmentId);
    const carte = await loadPublicCarte(this.db, slug);
    if (!carte) return null;
    const slot: Slot = { establishmentId, stamp, seenNotice, carte, pages: new Map(), pdfs: new Map() };
    if (this.slots.size >= MAX_SLOTS) this.slots.delete(this.slots.keys().next().value ?? '');
    this.slots.set(slug, slot);
    return slot;
  }

  async page(slug: string, lang: Lang): Promise<RenderedPage | null> {
    const slot = await this.fresh(slug);
    if (!slot) return null;
    let page = slot.pages.get(lang);
    if (!page) {
      this.renders++;
      const html = Buffer.from(renderCarteHtml(slot.carte, lang));
      page = {
        html,
        gzip: zlib.gzipSync(html, { level: 9 }),
        br: zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        etag: `"${crypto.createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
      };
      slot.pages.set(lang, page);
    }
    return page;
  }

  async pdf(slug: string, lang: Lang): Promise<Buffer | null> {
    const slot = await this.fresh(slug);
    if (!slot) return null;
    let pdf = slot.pdfs.get(lang);
    if (!pdf) {
      const carte = slot.carte;
      pdf = carteLogo(this.db, slug).then((logo) => renderCartePdf(carte, lang, carte.hasLogo ? logo : null));
      slot.pdfs.set(lang, pdf);
      pdf.catch(() => slot.pdfs.delete(lang));
    }
    return pdf;
  }

  /** Drops every slot: the uncached side of the benchmark. */
  clear(): void {
    this.slots.clear();
  }
}
