import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertTillConnection } from '../../src/db/repositories/tillConnections.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, waitForTask, type TestApp } from '../helpers/client.ts';

type Answer = {
  decision: string;
  serving: string | null;
  vintage: number | null;
  candidates: { id: string; why: string[] }[];
  entries: Record<string, { name: string; appellation: string | null }>;
};

describeOnBothDatabases('library and matching API', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let c: TestClient;
  let other: TestClient;
  let base: string;
  let otherBase: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    c = new TestClient(t.app);
    await c.signUp('somm@resto.fr');
    base = `/api/establishments/${await c.createEstablishment('La Cave')}`;
    other = new TestClient(t.app);
    await other.signUp('autre@resto.fr');
    otherBase = `/api/establishments/${await other.createEstablishment('Ailleurs')}`;
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('ships the open library: X-Wines and one generic house wine per appellation and colour', async () => {
    const shared = await db.db
      .selectFrom('library_entry')
      .select(['id', 'source'])
      .where('establishment_id', 'is', null)
      .execute();
    expect(shared.filter((e) => e.source === 'xwines').length).toBe(1007);
    expect(shared.some((e) => e.id === 'gen-cotes-du-rhone-rouge')).toBe(true);
    const found = (await c.get(`${base}/library/search?q=cotes%20du%20rhone%20rouge`)).json<{
      items: { id: string }[];
    }>();
    expect(found.items.map((e) => e.id)).toContain('gen-cotes-du-rhone-rouge');
  });

  it('matches a house-wine till label to the generic identity', async () => {
    const a = (await c.post(`${base}/match`, { label: 'VRE CDR RGE' })).json<Answer>();
    expect(a.serving).toBe('glass');
    expect(a.candidates[0]?.id).toBe('gen-cotes-du-rhone-rouge');
    expect(a.decision).not.toBe('non');
    expect(a.entries['gen-cotes-du-rhone-rouge']?.appellation).toBe('Côtes du Rhône');
  });

  it('reads a label against a till of the establishment only', async () => {
    const otherId = otherBase.split('/').at(-1) ?? '';
    const theirs = await insertTillConnection(
      db.db,
      otherId,
      'Bar',
      {
        tillType: 'asterio',
        domain: 'https://ailleurs-70009.myasterio.com',
        kmlcode: 'ailleurs-70009',
        siteCode: 'SID',
        identifier: 'AILLEURS_GENERICDATA',
        passwordEncrypted: 'sealed',
      },
      t.clock.now(),
    );
    const foreign = await c.post(`${base}/match`, { label: 'VRE CDR RGE', tillId: theirs.id });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<{ error: { message: string } }>().error.message).toBe('Caisse introuvable');
    const bad = await c.post(`${base}/match`, { label: 'VRE CDR RGE', tillId: 'caisse-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/Identifiant de caisse invalide/);
    const own = await other.post(`${otherBase}/match`, { label: 'VRE CDR RGE', tillId: theirs.id });
    expect(own.statusCode).toBe(200);
  });

  it('answers non for food', async () => {
    expect((await c.post(`${base}/match`, { label: 'ENTRECOTE 300G' })).json<Answer>().decision).toBe('non');
  });

  it('learns a drink created by hand, for this establishment only', async () => {
    await c.post(`${base}/drinks`, {
      producer: 'Domaine des Grottes Perdues',
      cuvee: 'Les Fossiles',
      appellationId: 'vacqueyras',
      colour: 'rouge',
      vintage: 2020,
    });
    const mine = (await c.post(`${base}/match`, { label: 'BTL GROTTES PERDUES FOSSILES 20' })).json<Answer>();
    expect(mine.decision).toBe('oui');
    expect(mine.entries[mine.candidates[0]?.id ?? '']?.name).toMatch(/Grottes Perdues/);
    const theirs = (
      await other.post(`${otherBase}/match`, { label: 'BTL GROTTES PERDUES FOSSILES 20' })
    ).json<Answer>();
    expect(theirs.candidates.map((x) => x.id)).not.toContain(mine.candidates[0]?.id);
    expect(
      (await other.get(`${otherBase}/library/search?q=grottes`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(0);
  });

  it('imports a supplier catalogue, reporting bad rows by line and keeping the good ones', async () => {
    const csv = [
      'Domaine;Cuvée;Appellation;Couleur;Millésime',
      'Maison Fictive;Grand Secret;Gigondas;rouge;2019',
      ';;;;',
      'Clos Imaginaire;Pierre Bleue;Sancerre;vert;2021',
      'Clos Imaginaire;Pierre Bleue;Sancerre;blanc;20x1',
      'Clos Imaginaire;Pierre Bleue;Sancerre;blanc;2022',
    ].join('\n');
    const res = await c.post(`${base}/library/import`, {
      csv,
      mapping: {
        producer: 'Domaine',
        cuvee: 'Cuvée',
        appellation: 'Appellation',
        colour: 'Couleur',
        vintage: 'Millésime',
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    const task = await waitForTask(c, res.json<{ taskId: string }>().taskId);
    expect(task).toMatchObject({ state: 'succeeded', stateLabel: 'Terminé', done: 2, total: 2 });
    const report = task.result as { imported: number; errors: { line: number; message: string }[] };
    expect(report.imported).toBe(2);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(report.errors[0]?.message).toBe('ni producteur, ni cuvée, ni appellation');
    expect(report.errors[1]?.message).toMatch(/couleur inconnue/);
    expect(report.errors[2]?.message).toMatch(/millésime invalide/);
    const a = (await c.post(`${base}/match`, { label: 'CLOS IMAGINAIRE PIERRE BLEUE 22' })).json<Answer>();
    expect(a.decision).toBe('oui');
    const missing = await c.post(`${base}/library/import`, { csv, mapping: { producer: 'Vigneron' } });
    const failed = await waitForTask(c, missing.json<{ taskId: string }>().taskId);
    expect(failed).toMatchObject({ state: 'failed', error: 'Colonne « Vigneron » absente du fichier' });
    // Only the account that started a task reads it.
    expect((await other.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/tasks/not-a-uuid`)).statusCode).toBe(400);
  });

  it('reads a Windows-1252 file sent as bytes, and names the line of an unclosed quote, importing nothing', async () => {
    const text = 'Domaine;Cuvée;Appellation\r\nChâteau Œnologue;Cœur de Pierre;Côtes-du-Rhône\r\n';
    const bytes = Buffer.from([...text].map((ch) => ({ Œ: 0x8c, œ: 0x9c })[ch] ?? ch.charCodeAt(0)));
    const mapping = { producer: 'Domaine', cuvee: 'Cuvée', appellation: 'Appellation' };
    const res = await c.post(`${base}/library/import`, { fileBase64: bytes.toString('base64'), mapping });
    expect(res.statusCode, res.body).toBe(202);
    const task = await waitForTask(c, res.json<{ taskId: string }>().taskId);
    expect(task.result).toEqual({ imported: 1, errors: [] });
    const found = await c.get(`${base}/library/search?q=${encodeURIComponent('cœur de pierre')}`);
    expect(found.body).toContain('Château Œnologue');

    const before = await db.db.selectFrom('library_entry').select('id').execute();
    const broken = ['Domaine;Cuvée', 'Un;A', '"Deux;B', 'Trois;C', 'Quatre;D'].join('\n');
    const bad = await c.post(`${base}/library/import`, { csv: broken, mapping: { producer: 'Domaine' } });
    expect(bad.statusCode).toBe(202);
    expect(await waitForTask(c, bad.json<{ taskId: string }>().taskId)).toMatchObject({
      state: 'failed',
      error: 'Ligne 3 : un guillemet ouvert n’est jamais fermé',
    });
    expect(await db.db.selectFrom('library_entry').select('id').execute()).toHaveLength(before.length);
  });

  it('runs a big catalogue as a job: the request answers at once, the task counts every batch to the end', async () => {
    const lines = ['Domaine;Cuvée;Millésime'];
    for (let i = 0; i < 1200; i++) lines.push(`Maison Lot ${i};Cuvée ${i};2020`);
    const res = await c.post(`${base}/library/import`, {
      csv: lines.join('\n'),
      mapping: { producer: 'Domaine', cuvee: 'Cuvée', vintage: 'Millésime' },
    });
    expect(res.statusCode).toBe(202);
    const { taskId } = res.json<{ taskId: string }>();
    const seen = await c.get(`/api/tasks/${taskId}`);
    expect(['En attente', 'En cours', 'Terminé']).toContain(seen.json<{ stateLabel: string }>().stateLabel);
    const task = await waitForTask(c, taskId);
    expect(task).toMatchObject({ state: 'succeeded', done: 1200, total: 1200, result: { imported: 1200 } });
    const stored = await db.db
      .selectFrom('library_entry')
      .select('id')
      .where('producer', 'like', 'Maison Lot %')
      .execute();
    expect(stored).toHaveLength(1200);
    // The file is not kept once read.
    const row = await db.db
      .selectFrom('account_task')
      .select('input')
      .where('id', '=', taskId)
      .executeTakeFirst();
    expect(row?.input).toBeNull();
  });
});
