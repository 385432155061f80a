/** Small pure helpers for the till screens (tested in test/e2e/webLogic.test.ts style, without a browser). */

/** The kmlcode, identifier and site code that Astério issues, guessed from the domain. */
export function credentialsFromDomain(domain: string): { kmlcode: string; identifier: string } | null {
  const match = /^https?:\/\/([a-z0-9-]+-\d+)\.myasterio\.com\/?$/i.exec(domain.trim());
  if (!match?.[1]) return null;
  const kmlcode = match[1].toLowerCase();
  return { kmlcode, identifier: identifierFromKmlcode(kmlcode) };
}

/** `monresto-70001` → `MONRESTO_GENERICDATA`: the kmlcode without its trailing number, upper-cased. */
export function identifierFromKmlcode(kmlcode: string): string {
  const base = kmlcode.trim().replace(/-\d+$/, '');
  return `${base.toUpperCase().replace(/-/g, '_')}_GENERICDATA`;
}

/** A link factor as people say it: 1, 1/6, 2/3, or a decimal. */
export function factorText(factor: number, num: (v: number, maxDecimals?: number) => string): string {
  if (Math.abs(factor - Math.round(factor)) < 1e-6) return num(Math.round(factor));
  const inverse = 1 / factor;
  if (Math.abs(inverse - Math.round(inverse)) < 1e-3) return `1/${Math.round(inverse)}`;
  // 50 cl of 75 cl = 2/3: small fractions read better than decimals.
  for (let d = 2; d <= 12; d += 1) {
    const n = Math.round(factor * d);
    if (n > 0 && Math.abs(factor * d - n) < 1e-3) return `${n}/${d}`;
  }
  return num(factor, 4);
}

/** Parses "1/6", "0,5", "2": NaN when it is not a positive number. */
export function parseFactor(text: string): number {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  const fraction = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(t);
  if (fraction) {
    const value = Number(fraction[1]) / Number(fraction[2]);
    return Number.isFinite(value) && value > 0 ? value : Number.NaN;
  }
  if (!/^\d*\.?\d+$/.test(t)) return Number.NaN;
  const value = Number(t);
  return value > 0 ? value : Number.NaN;
}

/** Cents from the till → euros for the money formatter. */
export const euros = (cents: number | null | undefined): number | null =>
  cents === null || cents === undefined ? null : cents / 100;

/** Orders a work list page so that products naming the same wine sit together, first one leading. */
export function groupSameWine<T extends { id: string; sameWineAs: string[] }>(
  items: T[],
): { item: T; grouped: boolean }[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const placed = new Set<string>();
  const out: { item: T; grouped: boolean }[] = [];
  for (const item of items) {
    if (placed.has(item.id)) continue;
    placed.add(item.id);
    out.push({ item, grouped: false });
    for (const id of item.sameWineAs) {
      const sibling = byId.get(id);
      if (!sibling || placed.has(id)) continue;
      placed.add(id);
      out.push({ item: sibling, grouped: true });
    }
  }
  return out;
}
