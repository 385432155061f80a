import { ApiError } from '../api/client.ts';
import type { MessageKey, Translate } from '../i18n/i18n.tsx';
import type { Locale } from '../../../src/http/contract.ts';
import { fr } from '../i18n/fr.ts';

/** The message to show for an error: the server's French one, or the catalogue's for the code in English. */
export function errorMessage(error: unknown, t: Translate, locale: Locale): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    const known = key in fr;
    if (locale === 'fr' || error.code === 'validation_failed' || !known) return error.message;
    return t(key as MessageKey);
  }
  return t('error.internal');
}
