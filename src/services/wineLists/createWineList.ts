import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { findWineList, insertWineList, slugTaken, type WineList } from '../../db/repositories/wineLists.ts';
import { notFound } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { slugConflict } from './slugs.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 20 characters of 36: about 103 bits, so a list that the owner did not name cannot be guessed. */
function randomSlug(): string {
  const bytes = crypto.randomBytes(20);
  return [...bytes].map((b) => ALPHABET[b % 36]).join('');
}

/** A new, unpublished list headed with the establishment's name; the slug is random unless chosen. */
export async function createWineList(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: { name: string; slug?: string | undefined },
): Promise<WineList> {
  const establishment = await requireMembership(db, establishmentId, actorId, MANAGERS);
  const slug = input.slug ?? randomSlug();
  if (input.slug !== undefined && (await slugTaken(db, slug))) throw slugConflict();
  const id = await insertWineList(db, establishmentId, {
    name: input.name.trim(),
    slug,
    headerName: establishment.name,
    headerAddress: null,
  });
  return (await findWineList(db, establishmentId, id)) ?? Promise.reject(notFound('Carte'));
}
