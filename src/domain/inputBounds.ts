/** The limits every input meets before it reaches the database (issue 10, 7). Pure: no clock of its own. */

/** PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8 form. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isCleanText = (s: string): boolean => !BAD_TEXT.test(s);

/**
 * The path of the first string (or object key) that holds a NUL or a lone surrogate, or undefined.
 * Iterative, so that a deeply nested body cannot overflow the stack.
 */
export function findBadText(value: unknown, root: string): string | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (!isCleanText(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push([item, `${path}.${i}`]));
    } else if (isPlainObject(current)) {
      for (const [key, item] of Object.entries(current)) {
        if (!isCleanText(key)) return path;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}

// Only what JSON and query parsers build (some without a prototype): a stream or a Buffer body is a file.
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const maker = (Object.getPrototypeOf(v) as { constructor?: unknown } | null)?.constructor;
  return maker === undefined || maker === Object;
};

/** No date before this one: older ones are typing mistakes, and year 0 breaks date arithmetic. */
const EARLIEST_DATE = new Date('1900-01-01T00:00:00Z');
/** How far past "now" a count, a movement or a receipt may be dated (time zones, clocks a little fast). */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

export const notTooOld = (d: Date): boolean => d.getTime() >= EARLIEST_DATE.getTime();
export const notInFuture = (d: Date, now: Date): boolean => d.getTime() <= now.getTime() + FUTURE_SLACK_MS;

/**
 * Whether a number fits a numeric column's scale: at most `scale` decimals, up to float noise. The absolute
 * tolerance is tiny so that 1e-9 is refused rather than silently stored as 0.
 */
export function fitsScale(v: number, scale: number): boolean {
  const scaled = v * 10 ** scale;
  return Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-9, Math.abs(scaled) * 1e-12);
}
