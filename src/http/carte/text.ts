import { SERVING_LABELS, type Lang, type Serving } from '../../domain/wineList.ts';

/** HTML-escapes text and attribute values: every user-written field goes through here. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const money = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};
const number = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };

/** Prices with ordinary spaces, so the PDF's standard fonts and every screen reader read them alike. */
export const formatPrice = (cents: number, lang: Lang): string =>
  money[lang].format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');

/** "Verre 12 cl", "Bouteille 75 cl": the law asks the volume of every glass and carafe. */
export const servingText = (serving: Serving, volumeCl: number, lang: Lang): string =>
  `${SERVING_LABELS[lang][serving]} ${number[lang].format(volumeCl)} cl`;

export const UI: Record<Lang, Record<'other' | 'pdf' | 'qr' | 'sections' | 'empty' | 'title', string>> = {
  fr: {
    other: 'English',
    pdf: 'Télécharger en PDF',
    qr: 'QR code',
    sections: 'Rubriques',
    empty: 'La carte est en cours de préparation.',
    title: 'Carte',
  },
  en: {
    other: 'Français',
    pdf: 'Download as PDF',
    qr: 'QR code',
    sections: 'Sections',
    empty: 'The list is being prepared.',
    title: 'List',
  },
};
