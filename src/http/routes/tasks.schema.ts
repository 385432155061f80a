import { z } from 'zod';
import { TASK_KINDS, TASK_STATES } from '../../services/tasks/taskQueue.ts';
import { timestamp, uuid } from '../schemas.ts';
import { catalogueReportDto } from './library.schema.ts';
import { isoDay } from '../schemas.ts';

export const taskParams = z.object({ taskId: uuid('identifiant de tâche') });

/* Responses. */
/** The request only queues the work: 202 and where to follow it. */
export const taskAccepted = z.object({ taskId: z.uuid() });
const demoResultDto = z.object({ establishmentId: z.uuid(), queuedDays: z.array(isoDay) });
export const taskResponse = z.object({
  id: z.uuid(),
  kind: z.enum(TASK_KINDS),
  state: z.enum(TASK_STATES),
  /** The state in French, as the UI shows it. */
  stateLabel: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  establishmentId: z.uuid().nullable(),
  result: z.union([catalogueReportDto, demoResultDto]).nullable(),
  error: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
