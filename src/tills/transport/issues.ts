import type { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'une chaîne',
  number: 'un nombre',
  int: 'un entier',
  boolean: 'un booléen',
  object: 'un objet',
  array: 'une liste',
  null: 'null',
};

/**
 * French messages for zod's built-in checks, passed per parse so that the project-wide zod config
 * is left alone. Schema-level messages (set in wire.ts) take precedence over these.
 */
export const frenchIssue = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'champ manquant';
      return `attendu ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
    case 'too_small':
      return 'valeur hors limites';
    case 'invalid_value':
      return `valeur inattendue (attendu : ${issue.values.map((v) => String(v)).join(', ')})`;
    case 'invalid_format':
      return 'format invalide';
    case 'unrecognized_keys':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return 'valeur invalide';
  }
};

/** `lines.2.quantity: attendu un nombre` — the field comes first so the quarantine names it. */
export function describeIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? p.toString() : p))].join(
        '.',
      );
      return `${path === '' ? '(racine)' : path}: ${issue.message}`;
    })
    .join(' ; ');
}
