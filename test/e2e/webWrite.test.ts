import { MutationObserver, QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { areas, stockAreas, writeOptions } from '../../web/src/api/write.ts';

// The web's writes (web/src/api/write.ts): what a write reloads, and that it settles only once that is loaded.
const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  client.clear();
});

/** A query on screen (an observer subscribed) whose loads are counted; `gate` holds each load until opened. */
function onScreen(queryKey: QueryKey, gate?: { wait: Promise<void> }) {
  const loads = { n: 0 };
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: async () => {
      loads.n += 1;
      if (gate && loads.n > 1) await gate.wait;
      return loads.n;
    },
  });
  stops.push(observer.subscribe(() => undefined));
  return loads;
}

const settled = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('web writes', () => {
  it('reload the areas they name, of their establishment only', async () => {
    const drinks = onScreen(['drinks', 'e1', 'list', { page: 1 }]);
    const members = onScreen(['members', 'e1']);
    const other = onScreen(['drinks', 'e2', 'list', { page: 1 }]);
    await settled();
    const write = new MutationObserver(
      client,
      writeOptions(
        client,
        async (n: number) => n * 2,
        () => [areas.drinks('e1')],
      ),
    );
    expect(await write.mutate(21)).toBe(42);
    expect([drinks.n, members.n, other.n]).toEqual([2, 1, 1]);
  });

  it('settle only once what they changed has loaded again', async () => {
    let open = (): void => undefined;
    const gate = { wait: new Promise<void>((resolve) => (open = resolve)) };
    const sheet = onScreen(['counts', 'e1', 'sheet', 's1'], gate);
    await settled();
    let done = false;
    const write = new MutationObserver(
      client,
      writeOptions(
        client,
        async () => 'saved',
        () => [areas.counts('e1')],
      ),
    );
    const result = write.mutate(undefined).then(() => (done = true));
    await settled();
    expect(sheet.n).toBe(2);
    expect(done).toBe(false);
    expect(write.getCurrentResult().isPending).toBe(true);
    open();
    await result;
    expect(write.getCurrentResult().isSuccess).toBe(true);
  });

  it('reload nothing when refused, and keep the error for the banner', async () => {
    const drinks = onScreen(['drinks', 'e1', 'one', 'd1']);
    await settled();
    const write = new MutationObserver(
      client,
      writeOptions(
        client,
        async () => {
          throw new Error('Quantité invalide');
        },
        () => stockAreas('e1'),
      ),
    );
    await expect(write.mutate(undefined)).rejects.toThrow('Quantité invalide');
    expect(write.getCurrentResult().error?.message).toBe('Quantité invalide');
    expect(drinks.n).toBe(1);
  });
});
