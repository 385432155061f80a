import { useState } from 'react';
import { establishmentApi } from '../api/endpoints.ts';
import type { Member, Role } from '../../../src/http/contract.ts';
import { ErrorBanner } from '../components/Feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

const ROLES: Role[] = ['owner', 'manager', 'staff'];

/** An owner's role select on a member's row; the server keeps at least one owner and says so in French. */
export function MemberRole({
  eid,
  member,
  onChanged,
}: {
  eid: string;
  member: Member;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { account, reloadEstablishments } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const name = member.displayName ?? member.email;
  const self = member.accountId === account?.id;

  const change = async (role: Role) => {
    setError(null);
    setSaved(null);
    setPending(true);
    try {
      await establishmentApi.changeRole(eid, member.accountId, role);
      setSaved(t('members.roleSaved', { name, role: t(`role.${role}`) }));
      // Demoting oneself changes what the app shows (settings, till): the establishment list carries the role.
      if (self) await reloadEstablishments();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="member-role">
      <select
        aria-label={t('members.changeRole', { name })}
        value={member.role}
        disabled={pending}
        onChange={(e) => void change(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>{' '}
      {self && <span>{t('members.you')} </span>}·{' '}
      {saved && (
        <span role="status" className="member-role__saved">
          {saved}{' '}
        </span>
      )}
      <ErrorBanner error={error} />
    </span>
  );
}
