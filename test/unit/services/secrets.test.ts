import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey } from '../../../src/services/secrets.ts';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(crypto.randomBytes(32));

  it('round-trips, with a fresh IV each time', () => {
    const a = box.seal('mot-de-passe-caisse');
    const b = box.seal('mot-de-passe-caisse');
    expect(a).not.toBe(b);
    expect(a).not.toContain('mot-de-passe');
    expect(box.open(a)).toBe('mot-de-passe-caisse');
  });

  it('refuses a tampered secret or another key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split(':');
    const data = Buffer.from(parts[3] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => box.open([parts[0], parts[1], parts[2], data.toString('base64url')].join(':'))).toThrow();
    expect(() => createSecretBox(crypto.randomBytes(32)).open(sealed)).toThrow();
  });

  it('generates a key file once, mode 0600, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-key-'));
    const key = loadSecretKey({ dataDir: dir });
    expect(key).toHaveLength(32);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ dataDir: dir }).equals(key)).toBe(true);
    expect(loadSecretKey({ dataDir: dir, secretKey: 'from-env' }).equals(key)).toBe(false);
  });
});
