import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

/** The inventaire, écarts and coût matière routes over HTTP: answers match their schemas, bad input is refused. */
describeOnBothDatabases('count, variance and report routes', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let base: string;
  let drinkId: string;
  let sessionId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, '2026-11-27T10:00:00Z');
    owner = new TestClient(t.app);
    await owner.signUp('owner@cave.fr');
    const eid = await owner.createEstablishment('Cave Test');
    base = `/api/establishments/${eid}`;
    const drink = await owner.post(`${base}/drinks`, {
      producer: 'Domaine Route',
      formatCl: 75,
      location: 'Cave',
    });
    drinkId = drink.json<{ id: string }>().id;
    await owner.post(`${base}/drinks/${drinkId}/movements`, {
      kind: 'count',
      quantity: 0,
      occurredAt: '2026-11-01T00:00:00Z',
    });
    const receipt = await owner.post(`${base}/drinks/${drinkId}/movements`, {
      kind: 'receipt',
      quantity: 12,
      unitPrice: 9.5,
      supplier: 'Cave Dupont',
      occurredAt: '2026-11-02T10:00:00Z',
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('creates a blind session, refuses a negative count, closes, then refuses a late count', async () => {
    const created = await owner.post(`${base}/count-sessions`, {
      cutoffAt: '2026-11-26T23:00:00Z',
      scope: { kind: 'location', location: 'Cave' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      blind: true,
      uncountedZero: false,
      reasonThreshold: 20,
      status: 'open',
    });
    sessionId = created.json<{ id: string }>().id;
    const negative = await owner.put(`${base}/count-sessions/${sessionId}/lines`, {
      drinkId,
      location: 'Cave',
      quantity: -1,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json<{ error: { message: string } }>().error.message).toMatch(/négative/);
    const ok = await owner.put(`${base}/count-sessions/${sessionId}/lines`, {
      drinkId,
      location: 'Cave',
      quantity: 9.5,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const sheet = await owner.get(`${base}/count-sessions/${sessionId}`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(
      sheet.json<{ drinks: { id: string; expected: number | null; counted: number }[] }>().drinks,
    ).toEqual([expect.objectContaining({ id: drinkId, expected: null, counted: 9.5 })]);
    const closed = await owner.post(`${base}/count-sessions/${sessionId}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const late = await owner.put(`${base}/count-sessions/${sessionId}/lines`, {
      drinkId,
      location: 'Cave',
      quantity: 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { message: string } }>().error.message).toMatch(/rouvrir/);
  });

  it('shows the variance at CMUP, takes a reason, and exports it as CSV, XLSX and PDF', async () => {
    const variance = await owner.get(`${base}/count-sessions/${sessionId}/variance`);
    expect(variance.statusCode, variance.body).toBe(200);
    const v = variance.json<{
      rows: {
        drinkId: string;
        expected: number;
        difference: number;
        differenceCost: number;
        reasonRequired: boolean;
      }[];
    }>();
    expect(v.rows[0]).toMatchObject({
      drinkId,
      expected: 12,
      difference: -2.5,
      differenceCost: -23.75,
      reasonRequired: true,
    });
    const reasons = (await owner.get(`${base}/variance-reasons`)).json<{
      items: { id: string; label: string }[];
    }>();
    const added = await owner.post(`${base}/variance-reasons`, { label: 'Dégustation client' });
    expect(added.statusCode, added.body).toBe(201);
    const dup = await owner.post(`${base}/variance-reasons`, { label: 'casse' });
    expect(dup.statusCode).toBe(409);
    const casse = reasons.items.find((r) => r.label === 'Casse');
    const justified = await owner.put(`${base}/count-sessions/${sessionId}/variance/${drinkId}/reason`, {
      reasonId: casse?.id,
      comment: 'Carton tombé',
    });
    expect(justified.statusCode, justified.body).toBe(204);

    const xlsx = await owner.get(`${base}/count-sessions/${sessionId}/variance/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = wb.getWorksheet('Écarts')?.getRow(2).values as unknown[];
    expect(row.slice(1, 9)).toEqual(
      ['Domaine Route · 75 cl', 'Vin', 12, 9.5, -2.5, -23.75, null, 'Casse'].map((x) => x ?? undefined),
    );

    const pdf = await owner.get(`${base}/count-sessions/${sessionId}/variance/export?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(text).toContain('Domaine Route');
    expect(text).toContain('Casse : Carton tombé');
    expect(text).toMatch(/-23,75\s€/);

    const csv = await owner.get(`${base}/count-sessions/${sessionId}/variance/export?format=csv`);
    expect(csv.body).toContain('Domaine Route · 75 cl;Vin;12;9,5;-2,5;-23,75;;Casse;Carton tombé');
    expect(
      (await owner.get(`${base}/count-sessions/${sessionId}/variance/export?format=doc`)).statusCode,
    ).toBe(400);
  });

  it('answers the coût matière, the overview, the history and the CMUP history within their schemas', async () => {
    const bev = await owner.get(`${base}/reports/bev-cost?from=2026-11-01&to=2026-11-27`);
    expect(bev.statusCode, bev.body).toBe(200);
    expect(bev.json()).toMatchObject({ purchases: 114, bevCostPercent: null });
    const overview = await owner.get(`${base}/reports/overview`);
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json<{ bevByMonth: unknown[] }>().bevByMonth).toHaveLength(6);
    const history = await owner.get(`${base}/variance-history`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json<{ items: { lossCost: number }[] }>().items).toEqual([
      expect.objectContaining({ lossCost: -23.75 }),
    ]);
    const costs = await owner.get(`${base}/drinks/${drinkId}/costs`);
    expect(costs.json()).toEqual({
      items: [
        {
          validFrom: '2026-11-02T10:00:00.000Z',
          unitCost: 9.5,
          stockBefore: 0,
          received: 12,
          receiptPrice: 9.5,
        },
      ],
    });
    const xlsx = await owner.get(`${base}/reports/bev-cost/export?format=xlsx&from=2026-11-01&to=2026-11-27`);
    expect(xlsx.statusCode).toBe(200);
    expect((await owner.get(`${base}/reports/bev-cost?from=2026-11-27&to=2026-11-01`)).statusCode).toBe(400);
  });
});
