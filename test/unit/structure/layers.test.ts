import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// A deliberate breach of each import direction, linted with the project's own eslint.config.js (type-aware rules
// off: the scratch files exist only in memory). `npm run check` runs the same config with --max-warnings 0.
const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ ...tseslint.configs.disableTypeChecked, files: ['**/*.ts', '**/*.tsx'] }],
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const breaches: { file: string; code: string; why: RegExp }[] = [
  {
    file: 'src/http/routes/scratch.ts',
    code: "import { listMembers } from '../../db/repositories/establishments.ts';\nvoid listMembers;\n",
    why: /through a service/,
  },
  {
    file: 'src/jobs/scratch.ts',
    code: "import { failStaleRuns } from '../db/repositories/importRuns.ts';\nvoid failStaleRuns;\n",
    why: /through a service/,
  },
  {
    file: 'src/cli/scratch.ts',
    code: "import { establishmentExists } from '../db/repositories/establishments.ts';\nvoid establishmentExists;\n",
    why: /through a service/,
  },
  {
    file: 'src/services/imports/scratch.ts',
    code: "import { importNightJob } from '../../jobs/definitions.ts';\nvoid importNightJob;\n",
    why: /never import jobs/,
  },
  {
    file: 'src/services/drinks/scratch.ts',
    code: "import { inTransaction } from '../../db/transaction.ts';\nvoid inTransaction;\n",
    why: /never open a transaction/,
  },
  {
    file: 'src/domain/scratch.ts',
    code: "import { sql } from 'kysely';\nvoid sql;\n",
    why: /pure/,
  },
  {
    file: 'src/matching/scratch.ts',
    code: "import type { Db } from '../db/database.ts';\nexport type X = Db;\n",
    why: /pure/,
  },
  {
    file: 'src/db/repositories/scratch.ts',
    code: "import { createDrink } from '../../services/drinks/createDrink.ts';\nvoid createDrink;\n",
    why: /below the services/,
  },
  {
    file: 'web/src/pages/Scratch.tsx',
    code: "import { buildApp } from '../../../src/http/app.ts';\nvoid buildApp;\n",
    why: /only the contract/,
  },
  {
    file: 'web/src/pages/Scratch.tsx',
    code: "import { drinkSchemas } from '../../../src/http/contract.ts';\nvoid drinkSchemas;\n",
    why: /only types/,
  },
];

describe('layer rules (eslint.config.js)', () => {
  it.each(breaches)('refuses $file importing $code', async ({ file, code, why }) => {
    const errors = await layerErrors(file, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(why);
  });

  it('refuses a service that opens a transaction itself', async () => {
    const code =
      "import type { Db } from '../../db/database.ts';\nexport const f = (db: Db) => db.transaction();\n";
    const [result] = await eslint.lintText(code, {
      filePath: path.join(root, 'src/services/drinks/scratch.ts'),
    });
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
    expect(messages.map((m) => m.message).join('\n')).toMatch(/never open a transaction/);
  });

  it('allows the directions the architecture names', async () => {
    const allowed = [
      ['src/http/routes/scratch.ts', "import { createDrink } from '../../services/drinks/createDrink.ts';"],
      ['src/http/routes/scratch.ts', "import type { Account } from '../../db/repositories/accounts.ts';"],
      ['src/http/routes/scratch.ts', "import { inTransaction } from '../../db/transaction.ts';"],
      ['src/services/drinks/scratch.ts', "import { insertDrink } from '../../db/repositories/drinks.ts';"],
      ['src/matching/scratch.ts', "import { foldText } from '../domain/text.ts';"],
      ['web/src/pages/Scratch.tsx', "import type { Drink } from '../../../src/http/contract.ts';"],
      ['web/src/pages/Scratch.tsx', "import { DRINK_TYPES } from '../../../src/domain/drink.ts';"],
    ] as const;
    for (const [file, line] of allowed) {
      expect(await layerErrors(file, `${line}\n`), `${file}: ${line}`).toEqual([]);
    }
  });
});
