import { useState } from 'react';
import { useChangeRole } from '../api/accountQueries.ts';
import type { Member, Role } from '../../../src/http/contract.ts';
import { ErrorBanner } from '../components/Feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

const ROLES: Role[] = ['owner', 'manager', 'staff'];

/** An owner's role select on a member's row; the server keeps at least one owner and says so in French. */
export function MemberRole({ eid, member }: { eid: string; member: Member }) {
  const { t } = useI18n();
  const { account } = useSession();
  const changeRole = useChangeRole(eid);
  const [saved, setSaved] = useState<string | null>(null);
  const name = member.displayName ?? member.email;
  const self = member.accountId === account?.id;

  const change = (role: Role) => {
    setSaved(null);
    changeRole.mutate(
      { accountId: member.accountId, role },
      {
        onSuccess: () => setSaved(t('members.roleSaved', { name, role: t(`role.${role}`) })),
      },
    );
  };

  return (
    <span className="member-role">
      <select
        aria-label={t('members.changeRole', { name })}
        value={member.role}
        disabled={changeRole.isPending}
        onChange={(e) => change(e.target.value as Role)}
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
      <ErrorBanner error={changeRole.error} />
    </span>
  );
}
