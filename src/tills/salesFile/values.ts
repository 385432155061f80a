/** Reading one cell of a sales file: French numbers (decimal comma, spaces, €) and French dates. Pure. */

export type Cell = string | number | Date | null;
type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });

export const cellText = (cell: Cell): string =>
  cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();

const MAX_ABS = 1e9;

/**
 * A decimal number as exported by French tills: `12,50`, `1 234,50`, `1.234,50`, `12.5`, `-3`, `12,50 €`,
 * `(4,00)` for a negative. Returned as a canonical decimal string (`-1234.50`), so money never goes through floats.
 */
function readDecimal(cell: Cell): Read<string> {
  if (cell === null) return bad('vide');
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || Math.abs(cell) >= MAX_ABS) return bad(`nombre hors limites (${cell})`);
    return ok(String(Math.round(cell * 1e6) / 1e6));
  }
  if (cell instanceof Date) return bad('une date au lieu d’un nombre');
  let s = cell
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(€|EUR)$/i, '')
    .replace(/^(€|EUR)/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '') return bad('vide');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let intPart: string;
  let frac: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the last one is the decimal mark, the other groups thousands.
    const dec = lastComma > lastDot ? ',' : '.';
    const group = dec === ',' ? '.' : ',';
    const [i, f = ''] = s.split(dec);
    if (s.split(dec).length > 2) return bad(`nombre illisible « ${clip(cell)} »`);
    intPart = (i ?? '').split(group).join('');
    frac = f;
  } else {
    const dec = lastComma >= 0 ? ',' : '.';
    const parts = s.split(dec);
    if (parts.length > 2) return bad(`nombre illisible « ${clip(cell)} »`);
    intPart = parts[0] ?? '';
    frac = parts[1] ?? '';
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(frac) || intPart + frac === '') {
    return bad(`nombre illisible « ${clip(cell)} »`);
  }
  if (intPart.replace(/^0+/, '').length > 9) return bad(`nombre hors limites « ${clip(cell)} »`);
  const canonical = `${negative ? '-' : ''}${intPart === '' ? '0' : intPart}${frac === '' ? '' : `.${frac}`}`;
  return ok(canonical);
}

/** A number for quantities: at most 3 decimals (the database keeps numeric(12,3)). */
export function readQuantity(cell: Cell): Read<number> {
  const d = readDecimal(cell);
  if (!d.ok) return d;
  const value = Number(d.value);
  if (Math.abs(value) > 100_000) return bad(`quantité hors limites (${d.value})`);
  const frac = d.value.split('.')[1] ?? '';
  if (frac.replace(/0+$/, '').length > 3) return bad(`quantité avec plus de 3 décimales (${d.value})`);
  return ok(value);
}

/** Euros to integer cents without floating point; more than 2 decimals is rounded half away from zero. */
export function readCents(cell: Cell): Read<number> {
  const d = readDecimal(cell);
  if (!d.ok) return d;
  const negative = d.value.startsWith('-');
  const [i = '0', f = ''] = d.value.replace('-', '').split('.');
  const padded = `${f}000`;
  let cents = Number(i) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1;
  if (Math.abs(cents) > 2_000_000_000) return bad(`montant hors limites (${d.value})`);
  return ok(negative ? -cents : cents);
}

const MONTHS: Record<string, number> = {
  janv: 1,
  janvier: 1,
  jan: 1,
  fevr: 2,
  fevrier: 2,
  fev: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  avr: 4,
  avril: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juin: 6,
  jun: 6,
  juil: 7,
  juillet: 7,
  jul: 7,
  aout: 8,
  aug: 8,
  sept: 9,
  septembre: 9,
  sep: 9,
  oct: 10,
  octobre: 10,
  nov: 11,
  novembre: 11,
  dec: 12,
  decembre: 12,
};

type LocalDateTime = { day: string; time: string | null };

const pad = (n: number) => String(n).padStart(2, '0');

// A file repeats its days thousands of times: each is checked once.
const knownDays = new Map<number, string | null>();

function validDay(y: number, m: number, d: number): string | null {
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const key = y * 10_000 + m * 100 + d;
  let day = knownDays.get(key);
  if (day === undefined) {
    const iso = `${y}-${pad(m)}-${pad(d)}`;
    day = new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : null;
    knownDays.set(key, day);
  }
  return day;
}

function readTimePart(s: string): Read<string | null> {
  const t = s.trim();
  if (t === '') return ok(null);
  const m = /^(\d{1,2})[:hH](\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return bad(`heure illisible « ${clip(t)} »`);
  const [h, mi, se] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || se > 59) return bad(`heure illisible « ${clip(t)} »`);
  return ok(`${pad(h)}:${pad(mi)}:${pad(se)}`);
}

/**
 * A date, with or without a time, in the forms French tills export: `14/03/2026`, `14/03/26`, `14-03-2026`,
 * `14.03.2026`, `2026-03-14`, `14 mars 2026`, each optionally followed by `21:14`, `21:14:05` or `21h14`;
 * an XLSX date cell; an Excel serial day number. Day first, always (the French order).
 */
export function readDateTime(cell: Cell): Read<LocalDateTime> {
  if (cell === null) return bad('date vide');
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('date illisible');
    // Spreadsheet dates carry the wall clock as if it were UTC.
    const iso = cell.toISOString();
    const day = validDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    if (!day) return bad(`date hors limites (${iso.slice(0, 10)})`);
    const time = iso.slice(11, 19);
    return ok({ day, time: time === '00:00:00' ? null : time });
  }
  if (typeof cell === 'number') return readSerial(cell);
  const s = cell.trim();
  if (/^\d+([.,]\d+)?$/.test(s) && Number(s.replace(',', '.')) > 20000) {
    return readSerial(Number(s.replace(',', '.')));
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(.*))?$/.exec(s);
  let day: string | null = null;
  let rest = '';
  if (m) {
    day = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
    rest = m[4] ?? '';
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[\s,]+(?:à\s*)?(.*))?$/.exec(s))) {
    const y = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    day = validDay(y, Number(m[2]), Number(m[1]));
    rest = m[4] ?? '';
  } else if (
    (m =
      /^(?:[a-zé]+\.?\s+)?(\d{1,2})(?:er)?[\s-]+([a-zéû.]+)[\s-]+(\d{2}|\d{4})(?:[\s,]+(?:à\s*)?(.*))?$/i.exec(
        s,
      ))
  ) {
    const month = MONTHS[foldMonth(m[2] ?? '')];
    const y = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    day = month === undefined ? null : validDay(y, month, Number(m[1]));
    rest = m[4] ?? '';
  } else return bad(`date illisible « ${clip(s)} »`);
  if (!day) return bad(`date impossible « ${clip(s)} »`);
  const time = readTimePart(rest);
  if (!time.ok) return time;
  return ok({ day, time: time.value });
}

function foldMonth(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

/** Excel's serial day (1900 system): day 25569 is 1970-01-01; the fraction is the time of day. */
function readSerial(n: number): Read<LocalDateTime> {
  if (!Number.isFinite(n) || n < 36526 || n > 73051) return bad(`date illisible (${n})`);
  const ms = Math.round((n - 25569) * 86400) * 1000;
  return readDateTime(new Date(ms));
}

/** A time alone (separate "Heure" column). */
export function readTime(cell: Cell): Read<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return ok(cell.toISOString().slice(11, 19));
  if (typeof cell === 'number') {
    if (cell < 0 || cell >= 1) return bad(`heure illisible (${cell})`);
    const secs = Math.round(cell * 86400);
    return ok(`${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`);
  }
  return readTimePart(cell);
}

export const clip = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n)}…` : s);
