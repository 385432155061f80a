import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openReadyDatabase, VERSION } from '../runtime.ts';
import { importCommand } from './import.ts';
import { libraryImportCommand } from './libraryImport.ts';
import { reportBevCostCommand } from './reportBevCost.ts';
import { serve } from './serve.ts';
import { stockRebuildCommand } from './stockRebuild.ts';
import { worker } from './worker.ts';

const program = new Command('cellier')
  .version(VERSION)
  .description('Cellier : la cave et le stock des boissons, reliés à la caisse');

program
  .command('serve')
  .description('Sert l’application web et l’API (PORT, DATA_DIR ou DATABASE_URL)')
  .option('--no-worker', 'en mode serveur, ne pas exécuter les imports ici (des workers s’en chargent)')
  .option(
    '--dev-local-tills',
    'accepte une caisse locale en http:// (le simulateur) ; développement seulement (CELLIER_DEV_LOCAL_TILLS)',
  )
  .action(async (opts: { worker: boolean; devLocalTills?: boolean }) => {
    await serve({ worker: opts.worker, devLocalTills: opts.devLocalTills === true });
  });

program
  .command('worker')
  .description('Exécute les imports caisse en file d’attente (mode serveur, DATABASE_URL)')
  .action(async () => {
    await worker();
  });

program
  .command('import')
  .description('Importe une journée de ventes, ou une plage de journées')
  .requiredOption('--establishment <id>', 'identifiant de l’établissement')
  .option('--till <id>', 'une seule caisse (sans elle : toutes les caisses en service)')
  .option('--date <AAAA-MM-JJ>', 'journée à importer')
  .option('--from <AAAA-MM-JJ>', 'première journée')
  .option('--to <AAAA-MM-JJ>', 'dernière journée')
  .action(async (opts: Record<string, unknown>) => {
    process.exitCode = await importCommand(opts);
  });

program
  .command('library-import')
  .description('Importe le catalogue CSV d’un fournisseur dans la bibliothèque privée d’un établissement')
  .requiredOption('--establishment <id>', 'identifiant de l’établissement')
  .requiredOption('--file <chemin>', 'fichier CSV')
  .requiredOption(
    '--map <champ=colonne,…>',
    'champs : producer, cuvee, appellation, colour, type, vintage, formatCl, region, country',
  )
  .option('--separator <sep>', 'séparateur (, ; ou tabulation) ; deviné sinon')
  .action(async (opts: Record<string, unknown>) => {
    process.exitCode = await libraryImportCommand(opts);
  });

program
  .command('stock')
  .description('Stock des boissons')
  .command('rebuild')
  .description(
    'Recalcule le résumé de stock de chaque boisson depuis le registre des mouvements et des ventes',
  )
  .option('--establishment <id>', 'un seul établissement (tous sinon)')
  .action(async (opts: Record<string, unknown>) => {
    process.exitCode = await stockRebuildCommand(opts);
  });

program
  .command('report')
  .description('Rapports')
  .command('bev-cost')
  .description('Coût matière d’une période : stock initial + achats − stock final, CA HT, marges')
  .option('--establishment <id>', 'identifiant de l’établissement')
  .option('--from <AAAA-MM-JJ>', 'première journée')
  .option('--to <AAAA-MM-JJ>', 'dernière journée (incluse)')
  .action(async (opts: Record<string, unknown>) => {
    process.exitCode = await reportBevCostCommand(opts);
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
