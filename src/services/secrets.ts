import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * AES-256-GCM for secrets at rest (till passwords). Each secret gets its own key, derived with HKDF-SHA256 from
 * the master key and a random salt stored beside it: `v2:<salt>:<iv>:<tag>:<ciphertext>` (base64url). Secrets
 * sealed before (`v1:<iv>:<tag>:<ciphertext>`, under the legacy key) stay readable and are resealed at start.
 */
export type SecretBox = {
  seal: (plain: string) => string;
  open: (sealed: string) => string;
  /** True for a secret in the old format, which `seal(open(x))` upgrades. */
  isLegacy: (sealed: string) => boolean;
};

/** The master key, and the key that sealed `v1` secrets (SHA-256 of the variable, or the key file itself). */
type SecretKey = { master: Buffer; legacy: Buffer };

const INFO = Buffer.from('cellier:secret-box:v2');

const b64 = (b: Buffer) => b.toString('base64url');

function decrypt(key: Buffer, iv: string, tag: string, data: string): string {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

export function createSecretBox(key: Buffer | SecretKey): SecretBox {
  const { master, legacy } = Buffer.isBuffer(key) ? { master: key, legacy: key } : key;
  if (master.length < 32) throw new Error('La clé de chiffrement doit faire au moins 32 octets');
  const derive = (salt: Buffer) => Buffer.from(crypto.hkdfSync('sha256', master, salt, INFO, 32));
  return {
    seal(plain) {
      const salt = crypto.randomBytes(16);
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', derive(salt), iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v2', b64(salt), b64(iv), b64(cipher.getAuthTag()), b64(data)].join(':');
    },
    open(sealed) {
      const parts = sealed.split(':');
      if (parts[0] === 'v2' && parts.length === 5) {
        const [, salt = '', iv = '', tag = '', data = ''] = parts;
        return decrypt(derive(Buffer.from(salt, 'base64url')), iv, tag, data);
      }
      if (parts[0] === 'v1' && parts.length === 4 && legacy.length === 32) {
        const [, iv = '', tag = '', data = ''] = parts;
        return decrypt(legacy, iv, tag, data);
      }
      throw new Error('Secret chiffré illisible');
    },
    isLegacy: (sealed) => sealed.startsWith('v1:'),
  };
}

const MIN_KEY_BITS = 256;

/**
 * A floor on the entropy of CELLIER_SECRET_KEY, from its alphabet: 4 bits a character for hex, 6 for base64,
 * log2 of the character classes used otherwise; a key where one character is over a quarter of the text counts 0.
 */
export function estimateKeyBits(key: string): number {
  const counts = new Map<string, number>();
  for (const ch of key) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (Math.max(0, ...counts.values()) > key.length / 4) return 0;
  if (/^[0-9a-fA-F]+$/.test(key)) return key.length * 4;
  const bare = key.replace(/=+$/, '');
  if (/^[A-Za-z0-9+/_-]+$/.test(bare) && /[A-Z]/.test(bare) && /[a-z]/.test(bare)) return bare.length * 6;
  let pool = 0;
  if (/[a-z]/.test(key)) pool += 26;
  if (/[A-Z]/.test(key)) pool += 26;
  if (/[0-9]/.test(key)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(key)) pool += 33;
  return Math.floor([...key].length * Math.log2(Math.max(pool, 2)));
}

/**
 * The key comes from CELLIER_SECRET_KEY (at least 256 bits of entropy, e.g. `openssl rand -base64 32`), or from
 * a key file generated once in the data directory with mode 0600.
 */
export function loadSecretKey(options: { secretKey?: string | undefined; dataDir: string }): SecretKey {
  if (options.secretKey) {
    if (estimateKeyBits(options.secretKey) < MIN_KEY_BITS)
      throw new Error(
        'CELLIER_SECRET_KEY trop faible (moins de 32 octets aléatoires) : générez-la avec `openssl rand -base64 32`',
      );
    return {
      master: Buffer.from(options.secretKey, 'utf8'),
      legacy: crypto.createHash('sha256').update(options.secretKey).digest(),
    };
  }
  const file = path.join(options.dataDir, 'secret.key');
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    return { master: key, legacy: key };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return { master: key, legacy: key };
}
