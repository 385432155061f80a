import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../domain/errors.ts';

type SpooledFile = { path: string; sizeBytes: number; sha256: string; remove: () => Promise<void> };

const dir = () => path.join(os.tmpdir(), 'cellier-uploads');

/**
 * Streams an upload to a private temporary file, hashing and counting as it goes; past `maxBytes` it stops and
 * deletes what was written. The caller removes the file when done.
 */
export async function spoolUpload(body: unknown, maxBytes: number): Promise<SpooledFile> {
  // A JSON body (or none) was parsed before reaching here: the file must come as its own bytes.
  if (!(body instanceof Readable))
    throw new AppError('validation_failed', 'Envoyez le fichier lui-même (CSV ou Excel), pas du JSON.');
  await fs.promises.mkdir(dir(), { recursive: true, mode: 0o700 });
  const file = path.join(dir(), crypto.randomUUID());
  const remove = () => fs.promises.rm(file, { force: true });
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(
          new AppError(
            'validation_failed',
            `Fichier trop volumineux : ${Math.round(maxBytes / 1024 / 1024)} Mo au plus.`,
          ),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await remove();
    body.resume();
    if (error instanceof AppError) throw error;
    throw new AppError('validation_failed', 'Envoi du fichier interrompu : recommencez.');
  }
  if (size === 0) {
    await remove();
    throw new AppError('validation_failed', 'Le fichier est vide.');
  }
  return { path: file, sizeBytes: size, sha256: hash.digest('hex'), remove };
}
