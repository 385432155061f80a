/** Import d'un catalogue fournisseur (tâche en arrière-plan). */
export const catalogueFr = {
  'cat.title': 'Catalogue fournisseur',
  'cat.lead':
    'Un tarif en CSV (Excel « CSV point-virgule » convient, accents compris) : ses vins rejoignent votre bibliothèque pour la synchronisation.',
  'cat.file': 'Fichier CSV',
  'cat.column': 'Colonne « {field} »',
  'cat.none': '— aucune —',
  'cat.field.producer': 'Producteur',
  'cat.field.cuvee': 'Cuvée',
  'cat.field.appellation': 'Appellation',
  'cat.field.colour': 'Couleur',
  'cat.field.vintage': 'Millésime',
  'cat.field.formatCl': 'Format (cl)',
  'cat.needColumn': 'Choisissez au moins la colonne du producteur, de la cuvée ou de l’appellation',
  'cat.submit': 'Importer le catalogue',
  'cat.pending': 'Import en cours…',
  'cat.done_one': '{n} ligne importée.',
  'cat.done_other': '{n} lignes importées.',
  'cat.errors_one': '{n} ligne écartée :',
  'cat.errors_other': '{n} lignes écartées :',
  'cat.errorLine': 'ligne {line} : {message}',
};
