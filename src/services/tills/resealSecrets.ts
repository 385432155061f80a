import type { Db } from '../../db/database.ts';
import { listLegacySealedPasswords, replaceSealedPassword } from '../../db/repositories/tillConnections.ts';
import type { SecretBox } from '../secrets.ts';

/** Moves till passwords sealed in the old format (no per-secret salt) to the HKDF one; idempotent. */
export async function resealLegacySecrets(db: Db, secrets: SecretBox): Promise<number> {
  const legacy = await listLegacySealedPasswords(db);
  for (const row of legacy)
    await replaceSealedPassword(
      db,
      row.establishmentId,
      row.tillId,
      row.passwordEncrypted,
      secrets.seal(secrets.open(row.passwordEncrypted)),
    );
  return legacy.length;
}
