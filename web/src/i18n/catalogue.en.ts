import type { catalogueFr } from './catalogue.fr.ts';

export const catalogueEn: Record<keyof typeof catalogueFr, string> = {
  'cat.title': 'Supplier catalogue',
  'cat.lead':
    'A price list as CSV (Excel "CSV semicolon" works, accents included): its wines join your library for synchronisation.',
  'cat.file': 'CSV file',
  'cat.column': 'Column "{field}"',
  'cat.none': '— none —',
  'cat.field.producer': 'Producer',
  'cat.field.cuvee': 'Cuvée',
  'cat.field.appellation': 'Appellation',
  'cat.field.colour': 'Colour',
  'cat.field.vintage': 'Vintage',
  'cat.field.formatCl': 'Size (cl)',
  'cat.needColumn': 'Choose at least the producer, cuvée or appellation column',
  'cat.submit': 'Import the catalogue',
  'cat.pending': 'Importing…',
  'cat.done_one': '{n} row imported.',
  'cat.done_other': '{n} rows imported.',
  'cat.errors_one': '{n} row set aside:',
  'cat.errors_other': '{n} rows set aside:',
  'cat.errorLine': 'line {line}: {message}',
};
