import type { ImportNightData } from './definitions.ts';

/** Where import requests go: run in this process (embedded) or through pg-boss to any worker (server). */
export interface ImportQueue {
  readonly mode: 'embedded' | 'pg-boss';
  enqueue(jobs: readonly ImportNightData[]): Promise<void>;
  /** Days of an establishment still waiting or running in this queue, for the progress shown in the UI. */
  pending(establishmentId: string): Promise<string[]>;
  stop(): Promise<void>;
}
