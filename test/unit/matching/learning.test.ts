import { describe, expect, it } from 'vitest';
import {
  buildMatchIndex,
  learnCatalogue,
  learnLesson,
  LessonBook,
  match,
  sharedKnowledge,
  type LibraryEntry,
} from '../../../src/matching/index.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const wine = (
  id: string,
  producer: string,
  appellation: string,
  colour: 'rouge' | 'blanc',
): LibraryEntry => ({
  id,
  type: 'wine',
  colour,
  producer,
  cuvee: null,
  appellation,
  region: null,
  country: 'France',
  vintages: [2019, 2020],
  formatsCl: [75],
  name: `${producer} ${appellation} ${colour}`,
});
const LIB: LibraryEntry[] = [
  wine('a', 'Domaine Alquier', 'Faugères', 'rouge'),
  wine('b', 'Domaine Alquier', 'Faugères', 'blanc'),
  wine('c', 'Domaine Huet', 'Vouvray', 'blanc'),
  wine('d', 'Château Simone', 'Palette', 'rouge'),
  wine('e', 'Château Simone', 'Palette', 'blanc'),
  wine('f', 'Domaine Gauby', 'Côtes du Roussillon', 'rouge'),
  wine('g', 'Clos Rougeard', 'Saumur Champigny', 'rouge'),
  wine('h', 'Domaine Tempier', 'Bandol', 'rouge'),
  wine('i', 'Domaine Ramonet', 'Chassagne-Montrachet', 'blanc'),
  wine('j', 'Didier Dagueneau', 'Pouilly-Fumé', 'blanc'),
];
const index = buildMatchIndex(LIB);
const opts = (book: LessonBook) => ({ now: NOW, knowledge: book.knowledge() });

describe('lessons', () => {
  it('a confirmed answer unblocks a till word (too long for a code) on the next proposal, and a Non unlearns it', () => {
    const book = new LessonBook();
    expect(match(index, 'ZQXWV SIMONE PALETTE', opts(book)).decision).toBe('non');
    book.set(learnLesson(index, 'ZQXWV GAUBY ROUSSILLON', { entryId: 'f', now: NOW }));
    const next = match(index, 'ZQXWV SIMONE PALETTE', opts(book));
    expect(next.decision).toBe('non'); // one lesson says the word is the till's, not which colour: Simone is two wines
    const after = match(index, 'ZQXWV HUET VOUVRAY', opts(book));
    expect(after.decision).toBe('oui');
    expect(after.candidates[0]?.id).toBe('c');
    expect(after.candidates[0]?.why).toContain('learnt');
    book.set(learnLesson(index, 'ZQXWV GAUBY ROUSSILLON', { entryId: null, now: NOW }));
    expect(match(index, 'ZQXWV HUET VOUVRAY', opts(book)).decision).toBe('non');
  });

  it('two agreeing answers teach a colour, which then picks between two wines of one producer', () => {
    const book = new LessonBook();
    book.set(learnLesson(index, 'ZQX GAUBY ROUSSILLON', { entryId: 'f', now: NOW }));
    book.set(learnLesson(index, 'ZQX ROUGEARD SAUMUR', { entryId: 'g', now: NOW }));
    const a = match(index, 'ZQX SIMONE PALETTE', opts(book));
    expect(a).toMatchObject({ decision: 'oui', colour: 'rouge' });
    expect(a.candidates[0]?.id).toBe('d');
  });

  it('remembers a relabelled product and learns an abbreviation', () => {
    const book = new LessonBook();
    book.set(learnLesson(index, 'LE ROUGE DU PATRON', { entryId: 'a', now: NOW }));
    const a = match(index, 'BTL LE ROUGE DU PATRON', opts(book));
    expect(a.decision).toBe('oui');
    expect(a.candidates[0]?.id).toBe('a');
    const lesson = learnLesson(index, 'HUET VUVRY', { entryId: 'c', now: NOW });
    expect(lesson.words.vuvry).toEqual({ kind: 'alias', words: ['vouvray'] });
  });
});

describe('cold: a till code at the edge', () => {
  it('is tolerated when the rest names one wine with a strong margin, never between two colours', () => {
    const a = match(index, 'ZQX HUET VOUVRAY', { now: NOW });
    expect(a).toMatchObject({ decision: 'oui' });
    expect(a.candidates[0]?.id).toBe('c');
    // the code may be the colour: Simone makes a red and a white
    expect(match(index, 'ZQX SIMONE PALETTE', { now: NOW }).decision).toBe('non');
    // a serving word behind the code is still read
    expect(match(index, 'ZQX VERRE HUET VOUVRAY 12CL', { now: NOW })).toMatchObject({
      decision: 'oui',
      serving: 'glass',
      formatCl: 12,
    });
    // a hand alias (DOM) is no typo: it costs no extra margin beside the code
    expect(match(index, 'ZQX DOM HUET VOUVRAY', { now: NOW }).decision).toBe('oui');
    // two unknown words are not; a code beside a single word only when that word names the whole wine
    expect(match(index, 'ZQX HUET VOUVRAY KLMNOP', { now: NOW }).decision).toBe('non');
    expect(match(index, 'ZQX HUET', { now: NOW }).decision).toBe('non');
    expect(match(index, 'HUET ZQX', { now: NOW }).decision).toBe('non');
  });
});

describe('catalogue profile', () => {
  it('learns a recurring family prefix no library word explains, and its colour', () => {
    const labels = [
      'QQR GAUBY ROUSSILLON',
      'QQR ROUGEARD SAUMUR',
      'QQR ALQUIER FAUGERES',
      'QQR TEMPIER BANDOL',
    ];
    labels.push('QQB HUET VOUVRAY', 'QQB RAMONET CHASSAGNE', 'QQB DAGUENEAU POUILLY', 'QQB ALQUIER FAUGERES');
    labels.push('QQB SIMONE PALETTE', 'QQR SIMONE PALETTE');
    const profile = learnCatalogue(index, labels, NOW);
    expect(profile.words.qqr).toEqual({ kind: 'colour', colour: 'rouge' });
    expect(profile.words.qqb).toEqual({ kind: 'colour', colour: 'blanc' });
    const book = new LessonBook([], profile);
    const a = match(index, 'QQB SIMONE PALETTE', opts(book));
    expect(a).toMatchObject({ decision: 'oui', colour: 'blanc' });
    expect(a.candidates[0]?.id).toBe('e');
    expect(a.candidates[0]?.why).toContain('catalogue');
  });

  it('learns a family code that is also a rare library name when the catalogue writes it far more often', () => {
    const spirit: LibraryEntry = {
      ...wine('k', 'QQB Spirits', 'Cognac', 'blanc'),
      type: 'spirit',
      colour: null,
    };
    const withName = buildMatchIndex([...LIB, spirit]);
    const labels = [
      'HUET VOUVRAY',
      'RAMONET CHASSAGNE',
      'DAGUENEAU POUILLY',
      'ALQUIER FAUGERES',
      'SIMONE PALETTE',
    ];
    const few = labels.slice(0, 4).map((l) => `QQB ${l}`);
    expect(learnCatalogue(withName, few, NOW).words).toEqual({});
    const many = labels.flatMap((l) => [`QQB ${l}`, `QQB VERRE ${l}`]);
    expect(learnCatalogue(withName, many, NOW).words.qqb).toEqual({ kind: 'colour', colour: 'blanc' });
  });

  it('a family code learnt as a colour blocks no drink without a colour, and picks the one that names it', () => {
    const vermouth = (id: string, cuvee: string): LibraryEntry => ({
      ...wine(id, 'Dolin', 'Vermouth de Chambéry', 'rouge'),
      type: 'fortified',
      colour: null,
      cuvee,
      name: `Dolin Vermouth de Chambéry ${cuvee}`,
    });
    const withVermouth = buildMatchIndex([...LIB, vermouth('v1', 'Rouge'), vermouth('v2', 'Dry')]);
    const book = new LessonBook([], { labels: 10, words: { qqr: { kind: 'colour', colour: 'rouge' } } });
    const a = match(withVermouth, 'QQR DOLIN VERMOUTH CHAMBERY', opts(book));
    expect(a.decision).toBe('oui');
    expect(a.candidates[0]?.id).toBe('v1');
  });

  it('learns nothing from ordinary labels', () => {
    const profile = learnCatalogue(index, ['HUET VOUVRAY', 'GAUBY ROUSSILLON', 'SIMONE PALETTE BLANC'], NOW);
    expect(profile.words).toEqual({});
  });
});

describe('shared knowledge', () => {
  const lesson = learnLesson(index, 'ZQX HUET VOUVRAY', { entryId: 'c', now: NOW });
  const priv = { ...lesson, key: 'cuvee maison', entryId: 'private-1' };
  it('needs three establishments and carries only words and shared library ids', () => {
    const two = sharedKnowledge(
      ['e1', 'e2'].map((establishmentId) => ({ establishmentId, lesson })),
      (id) => id !== 'private-1',
    );
    expect(two).toEqual({ words: {}, labels: {} });
    const rows = ['e1', 'e2', 'e3'].flatMap((establishmentId) => [
      { establishmentId, lesson },
      { establishmentId, lesson: priv },
    ]);
    const shared = sharedKnowledge(rows, (id) => id !== 'private-1');
    expect(shared.labels).toEqual({ 'zqx huet vouvray': 'c' });
    expect(JSON.stringify(shared)).not.toMatch(/e1|e2|e3|private/);
    const a = match(index, 'ZQX HUET VOUVRAY', opts(new LessonBook([], null, shared)));
    expect(a.candidates[0]?.why).toContain('shared');
  });
});
