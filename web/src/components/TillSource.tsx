import { useI18n } from '../i18n/i18n.tsx';

/** Which till a product, a sale or an import comes from ("Caisse : Bar"), and whether that till was removed. */
export function TillSource({
  name,
  removed = false,
}: {
  name: string | null | undefined;
  removed?: boolean;
}) {
  const { t } = useI18n();
  if (!name) return null;
  return (
    <span className={removed ? 'till-source till-source--removed' : 'till-source'} data-testid="till-source">
      {t(removed ? 'till.sourceRemoved' : 'till.source', { name })}
    </span>
  );
}
