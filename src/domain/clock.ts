/** The only source of "now" in services: tests replace it. */
export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (
  at: Date | string,
): Clock & { set: (d: Date | string) => void; advance: (ms: number) => void } => {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (d) => (current = new Date(d)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
};
