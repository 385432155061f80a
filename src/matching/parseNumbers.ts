// Recognisers for sizes and vintages written on till labels.

/** "75CL", "37.5CL", "0.75L", "1.5L", "750ML", "12CL" → centilitres; null when not a size. */
export function readSize(token: string): number | null {
  const m = /^(\d{1,4}(?:\.\d{1,3})?)(CL|C|L|LT|LTR|ML)$/.exec(token);
  if (!m) return null;
  const value = Number(m[1]);
  const unit = m[2];
  const cl =
    unit === 'ML' ? value / 10 : unit === 'L' || unit === 'LT' || unit === 'LTR' ? value * 100 : value;
  return cl > 0 && cl <= 2000 ? round(cl) : null;
}

/** Bare numbers that only mean a bottle size on a wine label. */
export function readBareSize(token: string): number | null {
  if (token === '75' || token === '150' || token === '37.5' || token === '0.75' || token === '1.5') {
    const v = Number(token);
    return v < 2 ? v * 100 : v;
  }
  return null;
}

const BOTTLE_SIZES = new Set([33, 35, 37.5, 50, 62, 70, 75, 100, 150, 300]);

/** A bare number behind a bottle word that is a standard bottle size ("BTL 75", "MAG 150"); 20/25 stay vintages. */
export function readBottleNumber(token: string): number | null {
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(token)) return null;
  const v = Number(token);
  const cl = v < 10 ? round(v * 100) : v;
  return BOTTLE_SIZES.has(cl) ? cl : null;
}

/** Sizes a carafe, pot or glass is sold by ("PICHET 50", "CARAFE 25"). */
export function readPourSize(token: string): number | null {
  if (!/^\d{1,2}(?:\.\d)?$/.test(token)) return null;
  const v = Number(token);
  return v >= 2 && v <= 100 ? v : null;
}

type VintageRead = { year: number; digits: 2 | 4 };

/** "2015", "15", "'15", "/15" → year, within [1950, now + 1]. */
export function readVintage(token: string, now: Date): VintageRead | null {
  const m = /^['/`’]?(\d{2}|\d{4})$/.exec(token);
  if (!m?.[1]) return null;
  const digits = m[1];
  const thisYear = now.getUTCFullYear();
  if (digits.length === 4) {
    const year = Number(digits);
    return year >= 1950 && year <= thisYear + 1 ? { year, digits: 4 } : null;
  }
  const yy = Number(digits);
  const cut = (thisYear + 1) % 100;
  if (yy <= cut) return { year: 2000 + yy, digits: 2 };
  if (yy >= 50) return { year: 1900 + yy, digits: 2 };
  return null;
}

const NON_VINTAGE = new Set(['NV', 'SM', 'S/M', 'S/A', 'NM', 'BSA']);

/** Marks of a non-vintage wine ("NV", "SM" = sans millésime). */
export function isNonVintage(token: string): boolean {
  return NON_VINTAGE.has(token);
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
