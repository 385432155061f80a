import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openReadyDatabase, VERSION } from '../runtime.ts';
import { serve } from './serve.ts';

const program = new Command('cellier')
  .version(VERSION)
  .description('Cellier : la cave et le stock des boissons, reliés à la caisse');

program
  .command('serve')
  .description('Sert l’application web et l’API (PORT, DATA_DIR ou DATABASE_URL)')
  .action(async () => {
    await serve();
  });

program
  .command('migrate')
  .description('Met le schéma de la base à jour et charge les données de référence')
  .action(async () => {
    const handle = await openReadyDatabase(loadConfig());
    await handle.close();
    console.log(`Base ${handle.kind} à jour.`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
