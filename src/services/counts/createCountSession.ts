import type { Db } from '../../db/database.ts';
import { insertCountSession, type CountSession } from '../../db/repositories/countSessions.ts';
import { insertCountEvent } from '../../db/repositories/countEvents.ts';
import type { Clock } from '../../domain/clock.ts';
import { invalidField } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';

type CountSessionInput = {
  name?: string | undefined;
  cutoffAt: Date;
  scope: { kind: 'all' } | { kind: 'location'; location: string } | { kind: 'categories'; types: string[] };
  blind: boolean;
  uncountedZero: boolean;
  reasonThresholdCents: number;
};

const DAY_MS = 86_400_000;

/** Opens an inventaire: its cut-off is the instant the counted quantities describe. */
export async function createCountSession(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: CountSessionInput,
  clock: Clock,
): Promise<CountSession> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const now = clock.now();
  if (input.cutoffAt.getTime() > now.getTime() + DAY_MS)
    throw invalidField('cutoffAt', "L'heure d'arrêt ne peut pas dépasser demain");
  const name =
    input.name?.trim() ||
    `Inventaire du ${input.cutoffAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}`;
  const session = await insertCountSession(
    db,
    establishmentId,
    {
      name,
      cutoffAt: input.cutoffAt,
      scope: {
        kind: input.scope.kind,
        location: input.scope.kind === 'location' ? input.scope.location.trim() : null,
        types: input.scope.kind === 'categories' ? [...new Set(input.scope.types)] : [],
      },
      blind: input.blind,
      uncountedZero: input.uncountedZero,
      reasonThresholdCents: input.reasonThresholdCents,
    },
    actorId,
    now,
  );
  await insertCountEvent(db, establishmentId, {
    sessionId: session.id,
    kind: 'created',
    accountId: actorId,
    at: now,
    detail: { cutoffAt: session.cutoffAt.toISOString(), scope: session.scope, blind: session.blind },
  });
  return session;
}
