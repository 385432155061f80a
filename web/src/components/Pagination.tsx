import { useI18n } from '../i18n/i18n.tsx';

export function Pagination({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className="btn"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        aria-label={t('pagination.previous')}
      >
        ‹
      </button>
      <span aria-live="polite">{t('pagination.page', { page, pages })}</span>
      <button
        type="button"
        className="btn"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        aria-label={t('pagination.next')}
      >
        ›
      </button>
    </nav>
  );
}
