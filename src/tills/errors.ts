/** Why a till call failed. Each code has one French message the UI can show as is. */
export type TillErrorCode =
  | 'auth_refused'
  | 'unknown_site'
  | 'unreachable'
  | 'timeout'
  | 'unexpected_response'
  | 'rate_limited'
  | 'server_error'
  | 'too_large';

export const TILL_ERROR_CODES: readonly TillErrorCode[] = [
  'auth_refused',
  'unknown_site',
  'unreachable',
  'timeout',
  'unexpected_response',
  'rate_limited',
  'server_error',
  'too_large',
];

export function defaultTillMessage(code: TillErrorCode): string {
  switch (code) {
    case 'auth_refused':
      return 'La caisse refuse les identifiants : vérifiez l’identifiant et le mot de passe.';
    case 'unknown_site':
      return 'La caisse ne connaît pas ce site : vérifiez le kmlcode et le code site.';
    case 'unreachable':
      return 'La caisse est injoignable : vérifiez le domaine et la connexion réseau.';
    case 'timeout':
      return 'La caisse n’a pas répondu à temps.';
    case 'unexpected_response':
      return 'La caisse a envoyé une réponse inattendue.';
    case 'rate_limited':
      return 'La caisse limite le nombre de requêtes : nouvel essai plus tard.';
    case 'server_error':
      return 'La caisse rencontre une erreur interne.';
    case 'too_large':
      return 'La réponse de la caisse est trop volumineuse.';
  }
}

/**
 * The only error a till connector rejects with. `detail` is for logs and the import page; it is
 * built by the connector from redacted text only, so it can be shown and stored as is.
 */
export class TillError extends Error {
  override readonly name = 'TillError';
  readonly code: TillErrorCode;
  readonly detail: string | undefined;

  constructor(code: TillErrorCode, message?: string, detail?: string) {
    super(message ?? defaultTillMessage(code));
    this.code = code;
    this.detail = detail;
  }

  toJSON(): { name: string; code: TillErrorCode; message: string; detail?: string } {
    return this.detail === undefined
      ? { name: this.name, code: this.code, message: this.message }
      : { name: this.name, code: this.code, message: this.message, detail: this.detail };
  }
}

export function isTillError(value: unknown): value is TillError {
  return value instanceof TillError;
}
