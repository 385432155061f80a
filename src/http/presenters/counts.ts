import type { CountSession } from '../../db/repositories/countSessions.ts';
import type { CountSheet } from '../../services/counts/countSessionDetail.ts';
import type { CountSheetDto, SessionDto } from '../routes/counts.schema.ts';

// Domain → API: dates as ISO strings, cents as euros, account ids replaced by the e-mail people recognise.
export function sessionToDto(s: CountSession): SessionDto {
  return {
    id: s.id,
    name: s.name,
    cutoffAt: s.cutoffAt,
    scope: s.scope,
    blind: s.blind,
    uncountedZero: s.uncountedZero,
    reasonThreshold: s.reasonThresholdCents / 100,
    status: s.status,
    createdAt: s.createdAt,
    closedAt: s.closedAt,
  };
}

export function countSheetToDto(sheet: CountSheet): CountSheetDto {
  return {
    session: sessionToDto(sheet.session),
    drinks: sheet.drinks.map((d) => ({
      id: d.id,
      type: d.type,
      colour: d.colour,
      producer: d.producer,
      cuvee: d.cuvee,
      appellation: d.appellation,
      vintage: d.vintage,
      formatCl: d.formatCl,
      location: d.location,
      counted: d.counted,
      expected: d.expected,
      lines: d.lines.map((l) => ({
        location: l.location,
        quantity: l.quantity,
        countedBy: l.countedByEmail,
        countedAt: l.countedAt,
        previousQuantity: l.previousQuantity,
        previousBy: l.previousByEmail,
      })),
    })),
    events: sheet.events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      drinkId: e.drinkId,
      by: e.accountEmail,
      at: e.at,
      detail: e.detail,
    })),
    locations: sheet.locations,
    canManage: sheet.canManage,
  };
}
