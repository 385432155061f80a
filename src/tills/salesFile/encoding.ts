import fs from 'node:fs';

export type SalesFileEncoding = 'utf-8' | 'windows-1252';

/**
 * UTF-8 when every byte of the file decodes as UTF-8 (a BOM makes it certain), Windows-1252 otherwise:
 * the two encodings French tills export. The whole file is read as a stream, never held whole.
 */
export async function detectEncoding(filePath: string): Promise<SalesFileEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 256 * 1024 })) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch (error) {
    if (error instanceof TypeError) return 'windows-1252';
    throw error;
  }
}

/** The same rule on bytes already in memory (tests, fuzzing). */
export function detectEncodingOf(bytes: Uint8Array): SalesFileEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

// Node's TextDecoder reads 'windows-1252' as Latin-1: 0x80–0x9F would become control characters, not € or œ.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 bytes as text, with French Excel's €, œ, curly quotes and dashes read right. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

/** A streaming decoder for either encoding (Windows-1252 is one byte per character, so chunks split cleanly). */
export function textDecoderFor(encoding: SalesFileEncoding): {
  decode: (bytes?: Uint8Array, options?: { stream?: boolean }) => string;
} {
  if (encoding === 'utf-8') return new TextDecoder('utf-8');
  return { decode: (bytes) => (bytes ? decodeWindows1252(bytes) : '') };
}
