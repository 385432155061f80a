import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../api/client.ts';
import { drinkApi } from '../api/endpoints.ts';
import type { DrinkPage, DrinkQuery } from '../../../src/http/contract.ts';

/** One server page of drinks; the previous page stays on screen while the next one loads. */
export function useDrinkList(eid: string, query: DrinkQuery) {
  const [data, setData] = useState<DrinkPage | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    drinkApi
      .list(eid, JSON.parse(key) as DrinkQuery, controller.signal)
      .then((page) => {
        setData(page);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [eid, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error, reload };
}
