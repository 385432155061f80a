import type { TaskQueue } from '../tasks/taskQueue.ts';
import type { ImportTrigger } from './importNight.ts';

/** One night of one till of an establishment: what a request, the planner or the demo puts in the queue. */
export type ImportNightData = {
  establishmentId: string;
  tillId: string;
  day: string;
  trigger: ImportTrigger;
};

/**
 * Where import requests (and members' tasks) go: run in this process (embedded) or through pg-boss to any worker (server). Declared
 * here, where the use cases need it; `jobs/` implements it.
 */
export interface ImportQueue extends TaskQueue {
  readonly mode: 'embedded' | 'pg-boss';
  enqueue(jobs: readonly ImportNightData[]): Promise<void>;
  /** Days of an establishment still waiting or running in this queue, for the progress shown in the UI. */
  pending(establishmentId: string): Promise<string[]>;
  stop(): Promise<void>;
}
