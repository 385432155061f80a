import type { z } from 'zod';
import type { UploadDay, UploadRecord, SalesFileTill } from '../../db/repositories/salesFiles.ts';
import type { SalesFileImportResult } from '../../services/salesFiles/importSalesFile.ts';
import type { SalesFilePreview } from '../../services/salesFiles/previewSalesFile.ts';
import type { historyResponse, importResponse, previewResponse } from '../routes/salesFiles.schema.ts';

const euros = (cents: number) => cents / 100;
const presentDay = ({ revenueCents, ...d }: UploadDay) => ({ ...d, revenue: euros(revenueCents) });

/** The API speaks euros; the file's amounts are kept in cents. */
export function presentPreview(p: SalesFilePreview): z.input<typeof previewResponse> {
  return {
    ...p,
    read: p.read && {
      ...p.read,
      first: p.read.first.map(({ amountCents, amountExclTaxCents, soldAt, ...l }) => ({
        ...l,
        soldAt: new Date(soldAt),
        amount: euros(amountCents),
        amountExclTax: amountExclTaxCents === null ? null : euros(amountExclTaxCents),
      })),
    },
  };
}

export function presentImport(r: SalesFileImportResult): z.input<typeof importResponse> {
  const { revenueCents, days, ...rest } = r;
  return { ...rest, revenue: euros(revenueCents), days: days.map(presentDay) };
}

export function presentHistory(h: {
  tills: SalesFileTill[];
  uploads: UploadRecord[];
}): z.input<typeof historyResponse> {
  return {
    tills: h.tills,
    uploads: h.uploads.map(({ revenueCents, days, sha256: _s, ...u }) => ({
      ...u,
      revenue: euros(revenueCents),
      days: days.map(presentDay),
    })),
  };
}
