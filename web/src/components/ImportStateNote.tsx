import type { WorkList } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, paths } from '../router.tsx';

type WorkListImports = WorkList['imports'];

/** An empty work list before any sale arrived: says so, with where the imports stand, and leads to them. */
export function ImportStateNote({ eid, imports }: { eid: string; imports: WorkListImports }) {
  const { t, tn, date } = useI18n();
  const last = imports.lastRun;
  const day = last ? date(`${last.businessDay}T12:00:00`) : '';
  let state: string;
  if (imports.pendingDays > 0 || last?.status === 'running')
    state = tn('sync.noSales.pending', Math.max(imports.pendingDays, 1));
  else if (last?.status === 'failed')
    state = t('sync.noSales.failed', { day, reason: last.errorMessage ?? '' });
  else if (last?.status === 'waiting') state = t('sync.noSales.waiting', { day });
  else if (imports.importedDays > 0) state = tn('sync.noSales.imported', imports.importedDays);
  else state = t('sync.noSales.none');
  return (
    <div className="banner banner--info" role="status" data-testid="no-sales">
      <span>
        <strong>{t('sync.noSales.title')}</strong> {state}
      </span>
      <Link to={paths.imports(eid)} className="banner__link">
        {t('till.toImports')}
      </Link>
    </div>
  );
}
