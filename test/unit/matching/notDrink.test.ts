import { describe, expect, it } from 'vitest';
import { isNotDrinkFamily, notDrinkReason } from '../../../src/matching/index.ts';

// General French restaurant vocabulary (issue 9, defect 6), none of it taken from the simulator's menu.
describe('not-a-drink classification', () => {
  it('reads food, hot-drink and service families, never a family that names a drink', () => {
    for (const f of ['PLATS', 'Entrées', 'DESSERTS', 'BOISSONS CHAUDES', 'Formules midi', 'Menu enfant'])
      expect(isNotDrinkFamily(f), f).toBe(true);
    for (const f of ['VINS ROUGES', 'BIERES PRESSION', 'CAFE & VINS', 'APERITIFS', 'SOFTS', 'DIVERS', null])
      expect(isNotDrinkFamily(f), String(f)).toBe(false);
  });

  it('reads dishes and services in labels, and keeps every label with drink evidence', () => {
    for (const l of [
      'MAGRET DE CANARD',
      'CROQUE MONSIEUR',
      'Crêpe sucre',
      'DROIT DE BOUCHON',
      'PLATEAU HUITRES',
    ])
      expect(notDrinkReason(l, null), l).toBe('label');
    for (const l of [
      'BTL CH MONTROSE 2015',
      'VRE CDR RGE',
      'PICHET BORDEAUX 50CL',
      'CHATEAU DE LA TERRINE 2019',
      'SANCERRE BLANC',
      'WHISKY TOURBE',
      'JUS CITRON PRESSE',
    ])
      expect(notDrinkReason(l, 'PLATS'), l).toBeNull();
    expect(notDrinkReason('SAINT JOSEPH', null)).toBeNull();
    expect(notDrinkReason('POIREAUX VINAIGRETTE', 'ENTREES')).toBe('family');
    expect(notDrinkReason('THE VERT', 'Boissons chaudes')).toBe('family');
  });
});
