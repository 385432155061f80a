/** Le compte : mot de passe, sessions, rôles des membres. */
export const accountFr = {
  'account.title': 'Mon compte',
  'account.menuLink': 'Mon compte',
  'account.password.title': 'Changer le mot de passe',
  'account.password.lead':
    'Vos autres sessions (téléphone, autre ordinateur) seront fermées ; celle-ci reste ouverte.',
  'account.password.current': 'Mot de passe actuel',
  'account.password.new': 'Nouveau mot de passe',
  'account.password.confirm': 'Confirmer le nouveau mot de passe',
  'account.password.mismatch': 'Les deux mots de passe ne sont pas identiques',
  'account.password.submit': 'Changer le mot de passe',
  'account.password.pending': 'Changement…',
  'account.password.done_one': 'Mot de passe changé. {n} autre session a été fermée.',
  'account.password.done_other': 'Mot de passe changé. {n} autres sessions ont été fermées.',
  'account.everywhere.title': 'Se déconnecter partout',
  'account.everywhere.lead':
    'Ferme toutes les sessions de votre compte, celle-ci comprise : sur chaque appareil, il faudra se reconnecter.',
  'account.everywhere.submit': 'Se déconnecter partout',
  'account.everywhere.pending': 'Déconnexion…',
  'account.everywhere.confirm': 'Fermer toutes vos sessions, celle-ci comprise ?',
  'members.changeRole': 'Rôle de {name}',
  'members.roleSaved': 'Rôle de {name} : {role}.',
  'task.progress': '{done} sur {total}',
  'members.you': '(vous)',
};
