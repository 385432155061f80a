/** Builds sales-file exports the way French tills write them, for tests, the e2e story and the bench. */

export type FileSale = {
  day: string;
  time?: string;
  ticket?: string;
  code?: string;
  label: string;
  family?: string;
  quantity: number;
  unitCents: number;
  amountCents?: number;
};

const frAmount = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const frDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Ticket lines, `;`-separated, decimal commas, dd/mm/yyyy hh:mm, a title line above the header. */
export function ticketLinesCsv(
  sales: readonly FileSale[],
  title = 'Export des ventes — Le Petit Zinc',
): string {
  const rows = [
    title,
    'Date;Ticket;Code article;Libellé;Famille;Quantité;Prix unitaire TTC;Montant TTC;Montant HT',
    ...sales.map((s) => {
      const amount = s.amountCents ?? Math.round(s.quantity * s.unitCents);
      return [
        `${frDate(s.day)}${s.time ? ` ${s.time}` : ''}`,
        s.ticket ?? '',
        s.code ?? '',
        s.label.includes(';') ? `"${s.label}"` : s.label,
        s.family ?? '',
        String(s.quantity).replace('.', ','),
        frAmount(s.unitCents),
        frAmount(amount),
        frAmount(Math.round(amount / 1.2)),
      ].join(';');
    }),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

/** Windows-1252 bytes of a text (the characters French exports use all exist in it). */
export function windows1252(text: string): Buffer {
  const map: Record<string, number> = { '€': 0x80, '’': 0x92, '—': 0x97, œ: 0x9c, Œ: 0x8c };
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    out[i++] = map[ch] ?? (code < 256 ? code : 63);
  }
  return out.subarray(0, i);
}

/** Two weeks of a wine bar: two wines by the bottle and by the glass, a beer, a refund. */
export function twoWeeks(from = '2026-11-12', days = 14): FileSale[] {
  const sales: FileSale[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.parse(`${from}T00:00:00Z`) + d * 86400_000).toISOString().slice(0, 10);
    for (let t = 0; t < 6; t++) {
      const ticket = `T${day.replaceAll('-', '')}-${t + 1}`;
      const time = `${String(19 + (t % 4)).padStart(2, '0')}:${String(10 + t).padStart(2, '0')}`;
      sales.push({
        day,
        time,
        ticket,
        label: 'Verre Côtes du Rhône Guigal 2022',
        family: 'Vins au verre',
        quantity: 2,
        unitCents: 650,
      });
      if (t % 2 === 0)
        sales.push({
          day,
          time,
          ticket,
          code: 'BTL-CHAB',
          label: 'BTL Chablis 1er Cru Fourchaume 2021',
          family: 'Vins blancs',
          quantity: 1,
          unitCents: 5800,
        });
      sales.push({
        day,
        time,
        ticket,
        code: 'PRESS',
        label: 'Pression 25cl',
        family: 'Bières',
        quantity: 3,
        unitCents: 450,
      });
    }
  }
  return sales;
}
