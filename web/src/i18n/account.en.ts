import type { accountFr } from './account.fr.ts';

export const accountEn: Record<keyof typeof accountFr, string> = {
  'account.title': 'My account',
  'account.menuLink': 'My account',
  'account.password.title': 'Change password',
  'account.password.lead': 'Your other sessions (phone, other computer) will be closed; this one stays open.',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.confirm': 'Confirm the new password',
  'account.password.mismatch': 'The two passwords do not match',
  'account.password.submit': 'Change password',
  'account.password.pending': 'Changing…',
  'account.password.done_one': 'Password changed. {n} other session was closed.',
  'account.password.done_other': 'Password changed. {n} other sessions were closed.',
  'account.everywhere.title': 'Sign out everywhere',
  'account.everywhere.lead':
    'Closes every session of your account, this one included: you will need to sign in again on each device.',
  'account.everywhere.submit': 'Sign out everywhere',
  'account.everywhere.pending': 'Signing out…',
  'account.everywhere.confirm': 'Close all your sessions, this one included?',
  'members.changeRole': 'Role of {name}',
  'members.roleSaved': 'Role of {name}: {role}.',
  'task.progress': '{done} of {total}',
  'members.you': '(you)',
};
