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
