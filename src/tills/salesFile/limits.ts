/** Limits on an uploaded sales file, checked before or while parsing so that no file can exhaust the server. */
export const SALES_FILE_LIMITS = {
  /** Bytes accepted in an upload; counted while the body streams in. */
  maxBytes: 50 * 1024 * 1024,
  /** Data rows read from a CSV or a sheet; reading stops at the first row past it. */
  maxRows: 500_000,
  /** Sum of the uncompressed sizes of an XLSX's zip entries (a zip bomb is refused before any inflating). */
  maxXlsxUncompressedBytes: 400 * 1024 * 1024,
  /** Zip entries in an XLSX. */
  maxXlsxEntries: 2_000,
  /** Columns per row. */
  maxColumns: 200,
  /** Characters per cell. */
  maxCellChars: 2_000,
  /** Bad lines listed one by one (the count is always exact). */
  maxBadLinesListed: 1_000,
} as const;

export type SalesFileLimits = { [K in keyof typeof SALES_FILE_LIMITS]: number };
