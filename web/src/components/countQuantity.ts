/**
 * A quantity as a counter types it on a phone: "12", "6x6" (six cases of six), "2×6 + 3", "4,5".
 * Returns NaN for anything else; tenths of an opened bottle are added apart (0–9).
 */
export function parseBottles(text: string): number {
  const cleaned = text.trim().replace(/\s/g, '').replace(/,/g, '.').replace(/[×*X]/g, 'x');
  if (cleaned === '') return Number.NaN;
  let total = 0;
  for (const term of cleaned.split('+')) {
    const factors = term.split('x');
    if (factors.length > 2) return Number.NaN;
    let product = 1;
    for (const f of factors) {
      if (!/^\d+(\.\d+)?$/.test(f)) return Number.NaN;
      product *= Number(f);
    }
    total += product;
  }
  return Math.round(total * 1000) / 1000;
}

/** Bottles plus tenths of an opened one, in bottles (three decimals at most, as the API accepts). */
export function countedQuantity(bottlesText: string, tenths: number): number {
  const bottles = bottlesText.trim() === '' && tenths > 0 ? 0 : parseBottles(bottlesText);
  if (Number.isNaN(bottles) || tenths < 0 || tenths > 9) return Number.NaN;
  return Math.round((bottles + tenths / 10) * 1000) / 1000;
}

/** Splits a stored quantity back into whole bottles and tenths for the form ("3,5" → 3 and 5). */
export function splitQuantity(q: number): { bottles: string; tenths: number } {
  if (Math.abs(q * 10 - Math.round(q * 10)) > 1e-6)
    return { bottles: String(q).replace('.', ','), tenths: 0 };
  const whole = Math.floor(q + 1e-9);
  const tenths = Math.round((q - whole) * 10);
  return { bottles: String(whole), tenths: Math.min(tenths, 9) };
}
