import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, estimateKeyBits, loadSecretKey } from '../../../src/services/secrets.ts';

/** The format sealed before issue 10: AES-256-GCM directly under the key, no salt. */
function sealV1(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join(':');
}

describe('secret box (AES-256-GCM, HKDF per secret)', () => {
  const box = createSecretBox(crypto.randomBytes(32));

  it('round-trips, with a fresh salt and IV each time', () => {
    const a = box.seal('mot-de-passe-caisse');
    const b = box.seal('mot-de-passe-caisse');
    expect(a).toMatch(/^v2:[^:]+:[^:]+:[^:]+:[^:]+$/);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
    expect(Buffer.from(a.split(':')[1] ?? '', 'base64url')).toHaveLength(16);
    expect(a).not.toContain('mot-de-passe');
    expect(box.open(a)).toBe('mot-de-passe-caisse');
  });

  it('refuses a tampered secret, a tampered salt or another key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split(':');
    const flip = (i: number) => {
      const data = Buffer.from(parts[i] ?? '', 'base64url');
      data[0] = (data[0] ?? 0) ^ 1;
      return parts.map((p, j) => (j === i ? data.toString('base64url') : p)).join(':');
    };
    expect(() => box.open(flip(4))).toThrow();
    expect(() => box.open(flip(1))).toThrow();
    expect(() => createSecretBox(crypto.randomBytes(32)).open(sealed)).toThrow();
  });

  it('still opens secrets sealed in the old format, and says they are old', () => {
    const env = execFileSync('openssl', ['rand', '-base64', '32']).toString().trim();
    const key = loadSecretKey({ dataDir: os.tmpdir(), secretKey: env });
    const old = sealV1(crypto.createHash('sha256').update(env).digest(), 'ancien');
    const envBox = createSecretBox(key);
    expect(envBox.isLegacy(old)).toBe(true);
    expect(envBox.open(old)).toBe('ancien');
    const upgraded = envBox.seal(envBox.open(old));
    expect(envBox.isLegacy(upgraded)).toBe(false);
    expect(envBox.open(upgraded)).toBe('ancien');
  });

  it('refuses a CELLIER_SECRET_KEY with less than 32 bytes of entropy', () => {
    for (const weak of [
      'from-env',
      'motdepasse-de-la-cuisine-2026',
      'a'.repeat(100),
      'ab'.repeat(40),
      '0123456789abcdef'.repeat(2),
    ])
      expect(() => loadSecretKey({ dataDir: os.tmpdir(), secretKey: weak }), weak).toThrow(
        /CELLIER_SECRET_KEY/,
      );
    for (const args of [
      ['-base64', '32'],
      ['-hex', '32'],
    ]) {
      const strong = execFileSync('openssl', ['rand', ...args])
        .toString()
        .trim();
      expect(estimateKeyBits(strong)).toBeGreaterThanOrEqual(256);
      expect(() => loadSecretKey({ dataDir: os.tmpdir(), secretKey: strong })).not.toThrow();
    }
  });

  it('generates a key file once, mode 0600, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-key-'));
    const key = loadSecretKey({ dataDir: dir });
    expect(key.master).toHaveLength(32);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ dataDir: dir }).master.equals(key.master)).toBe(true);
    const old = sealV1(key.master, 'du fichier');
    expect(createSecretBox(loadSecretKey({ dataDir: dir })).open(old)).toBe('du fichier');
  });
});
