import { decimalToCents, INSTANT, MONEY, type line, type ticketHead } from './wire.ts';
import type { z } from 'zod';

/*
 * The common case, read without zod: a night is ~8,000 well-formed lines, and zod's generic walk costs ten
 * times JSON.parse itself. Each reader accepts exactly what the schema in wire.ts accepts and returns the same
 * output; on anything else it returns null, and the caller asks zod, which then names the fault (or accepts a
 * record these readers were too strict for). test/unit/tills/asterioFastRecords.test.ts holds them to the schemas.
 */

type Line = z.output<typeof line>;
type Head = z.output<typeof ticketHead>;

const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 64;

const P2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const DAY_MS = 86_400_000;

/** `new Date(ms).toISOString()` for years 1000–9999, twice as fast (civil date from days, H. Hinnant). */
export function isoOf(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rem = ms - days * DAY_MS;
  const h = Math.floor(rem / 3_600_000);
  rem -= h * 3_600_000;
  const mi = Math.floor(rem / 60_000);
  rem -= mi * 60_000;
  const s = Math.floor(rem / 1000);
  const milli = rem - s * 1000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1000 || y > 9999 || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const frac = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli);
  return `${y}-${P2[m]}-${P2[d]}T${P2[h]}:${P2[mi]}:${P2[s]}.${frac}Z`;
}

function readInstant(v: unknown): string | null {
  if (typeof v !== 'string' || !INSTANT.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : isoOf(ms);
}

/** Money: a decimal string → cents; `undefined` means "not money" (null stays null when allowed). */
function readMoney(v: unknown, nullable: boolean): number | null | undefined {
  if (v === null) return nullable ? null : undefined;
  return typeof v === 'string' && MONEY.test(v) ? decimalToCents(v) : undefined;
}

export function readLineFast(raw: unknown): Line | null {
  if (!isRecord(raw)) return null;
  const { lineId, productId, label, kind, quantity } = raw;
  if (!isId(lineId) || !isId(productId)) return null;
  if (typeof label !== 'string' || label.length < 1 || label.length > 200) return null;
  if (kind !== 'sale' && kind !== 'refund' && kind !== 'void') return null;
  if (typeof quantity !== 'number' || !(quantity >= -100_000 && quantity <= 100_000)) return null;
  const amountInclTax = readMoney(raw.amountInclTax, false);
  const amountExclTax = readMoney(raw.amountExclTax, true);
  const discount = readMoney(raw.discount, true);
  const soldAt = readInstant(raw.soldAt);
  if (amountInclTax == null || amountExclTax === undefined || discount === undefined || soldAt === null)
    return null;
  return { lineId, productId, label, kind, quantity, amountInclTax, amountExclTax, discount, soldAt };
}

export function readTicketHeadFast(raw: unknown): Head | null {
  if (!isRecord(raw)) return null;
  const { ticketId, lines } = raw;
  if (!isId(ticketId) || !Array.isArray(lines)) return null;
  const closedAt = readInstant(raw.closedAt);
  return closedAt === null ? null : { ticketId, closedAt, lines: lines as unknown[] };
}
