import sharp from 'sharp';
import type { Db } from '../../db/database.ts';
import { findWineList, setWineListLogo } from '../../db/repositories/wineLists.ts';
import type { Clock } from '../../domain/clock.ts';
import { invalidField, notFound } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';

const MAX_LOGO_BYTES = 1024 * 1024;
const ACCEPTED = new Set(['png', 'jpeg', 'webp']);

/**
 * Checks an uploaded logo (PNG, JPEG or WebP, 1 MB at most, a real image) and re-encodes it as a small PNG,
 * so that no metadata or crafted bytes of the upload ever reach the public page.
 */
async function reencodeLogo(bytes: Buffer): Promise<Buffer> {
  const bad = (message: string) => invalidField('logo', message);
  if (bytes.length === 0) throw bad('Image vide');
  if (bytes.length > MAX_LOGO_BYTES) throw bad('Logo trop lourd (1 Mo au plus)');
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: 25_000_000 }).metadata()).format;
  } catch {
    throw bad('Ce fichier n’est pas une image lisible');
  }
  if (!format || !ACCEPTED.has(format)) throw bad('Format refusé : PNG, JPEG ou WebP');
  try {
    return await sharp(bytes, { limitInputPixels: 25_000_000 })
      .rotate()
      .resize({ width: 480, height: 240, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch {
    throw bad('Ce fichier n’est pas une image lisible');
  }
}

/** Sets (re-encoded) or removes a list's logo; the membership is checked before the upload is even decoded. */
export async function setLogo(
  db: Db,
  actorId: string,
  establishmentId: string,
  wineListId: string,
  upload: Buffer | null,
  clock: Clock,
): Promise<void> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  if (!(await findWineList(db, establishmentId, wineListId))) throw notFound('Carte');
  const png = upload === null ? null : await reencodeLogo(upload);
  await setWineListLogo(db, establishmentId, wineListId, png, clock.now());
}
