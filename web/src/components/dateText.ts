// Dates as a French reader types and reads them (jj/mm/aaaa, hh:mm), whatever the browser's own locale: Chromium's
// native date inputs follow the browser's language, not the page's, and show mm/dd/yyyy to an English browser.

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The display of an ISO day (YYYY-MM-DD) or local date-time (YYYY-MM-DDTHH:mm): 27/11/2026 or 27/11/2026 09:00. */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const day = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] === undefined ? day : `${day} ${m[4]}:${m[5]}`;
}

/**
 * What was typed, as an ISO day (withTime false) or local date-time: 27/11/2026, 27-11-2026, 27.11.2026, 27112026,
 * a two-digit year, and for a time 9:00, 09h00 or 9h; an ISO value is taken as it is. Null when it is no date.
 */
export function parseDateText(text: string, withTime: boolean): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(s);
  const fr =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(?:à\s*)?(\d{1,2})(?:[:h](\d{2})?)?)?$/i.exec(s);
  const packed = /^(\d{2})(\d{2})(\d{4})(?:\s+(\d{1,2})(?:[:h](\d{2})?)?)?$/i.exec(s);
  let y: number, mo: number, d: number, hh: string | undefined, mm: string | undefined;
  if (iso) [y, mo, d, hh, mm] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], iso[5]];
  else if (fr || packed) {
    const p = (fr ?? packed) as RegExpExecArray;
    const year = Number(p[3]);
    [d, mo, y, hh, mm] = [Number(p[1]), Number(p[2]), year < 100 ? 2000 + year : year, p[4], p[5]];
  } else return null;
  if (!validDay(y, mo, d)) return null;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (!withTime) return hh === undefined ? day : null;
  const hour = Number(hh ?? 0);
  const minute = Number(mm ?? 0);
  if (hh === undefined || hour > 23 || minute > 59) return null;
  return `${day}T${pad(hour)}:${pad(minute)}`;
}
