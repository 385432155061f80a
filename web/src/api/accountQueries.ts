import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput, Locale, Role, Task } from '../../../src/http/contract.ts';
import { authApi, establishmentApi, libraryApi, taskApi } from './endpoints.ts';
import { areas, everyArea, useWrite } from './write.ts';

/** The signed-in account and its establishments: read by the session (session.tsx), changed by the writes below. */
export const sessionKeys = {
  me: ['me'] as const,
  establishments: ['establishments'] as const,
};

type EstablishmentInput = { name: string; timeZone?: string; dayCutoffHour?: number };

export const useSignIn = () =>
  useWrite(
    (
      v:
        | { signup: true; body: Parameters<typeof authApi.signUp>[0] }
        | { signup: false; body: Parameters<typeof authApi.login>[0] },
    ) => (v.signup ? authApi.signUp(v.body) : authApi.login(v.body)),
    () => [],
  );

export const useSignOut = () =>
  useWrite(
    (_: void) => authApi.logout(),
    () => [],
  );

export const useSaveLocale = () =>
  useWrite(
    (locale: Locale) => authApi.setLocale(locale),
    () => [],
  );

export const useChangePassword = () =>
  useWrite(
    (body: ChangePasswordInput) => authApi.changePassword(body),
    () => [],
  );

export const useSignOutEverywhere = () =>
  useWrite(
    (_: void) => authApi.logoutEverywhere(),
    () => [],
  );

export const useCreateEstablishment = () =>
  useWrite(
    (body: EstablishmentInput) => establishmentApi.create(body),
    () => [sessionKeys.establishments],
  );

const POLL_MS = 600;

/**
 * Follows a task until it ends, reporting each state read; resolves with the finished task. Each read goes
 * through the query client, so a network or server failure is retried like any load.
 */
async function followTask(
  queryClient: QueryClient,
  taskId: string,
  onUpdate: (task: Task) => void,
): Promise<Task> {
  for (;;) {
    const task = await queryClient.fetchQuery({
      queryKey: ['task', taskId],
      queryFn: ({ signal }) => taskApi.get(taskId, signal),
      staleTime: 0,
    });
    onUpdate(task);
    if (task.state === 'succeeded' || task.state === 'failed') return task;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The demo, built by a task: pending until it is built, `onTask` sees its progress; resolves with its id. */
export const useCreateDemo = (onTask: (task: Task) => void) => {
  const queryClient = useQueryClient();
  return useWrite(
    async (_: void) => {
      const done = await followTask(queryClient, (await establishmentApi.createDemo()).taskId, onTask);
      if (done.state === 'failed' || !done.establishmentId) throw new Error(done.error ?? done.stateLabel);
      return done.establishmentId;
    },
    () => [sessionKeys.establishments],
  );
};

/** A new time zone or day cut-off moves every business day: everything of the establishment loads again. */
export const useUpdateEstablishment = (eid: string) =>
  useWrite(
    (body: Partial<EstablishmentInput>) => establishmentApi.update(eid, body),
    () => [sessionKeys.establishments, ...everyArea(eid)],
  );

export const useInvite = (eid: string) =>
  useWrite(
    (body: { email: string; role: Role }) => establishmentApi.invite(eid, body),
    () => [areas.members(eid)],
  );

/** Demoting oneself changes what the app shows (settings, till): the establishment list carries the role. */
export const useChangeRole = (eid: string) =>
  useWrite(
    (v: { accountId: string; role: Role }) => establishmentApi.changeRole(eid, v.accountId, v.role),
    () => [areas.members(eid), sessionKeys.establishments],
  );

/** A supplier catalogue sent: pending until its task has imported it into the library (`onTask` sees it). */
export const useImportCatalogue = (eid: string, onTask: (task: Task) => void) => {
  const queryClient = useQueryClient();
  return useWrite(
    async (body: Parameters<typeof libraryApi.importCatalogue>[1]) =>
      followTask(queryClient, (await libraryApi.importCatalogue(eid, body)).taskId, onTask),
    // The library's new entries change the proposals.
    () => [areas.sync(eid)],
  );
};
