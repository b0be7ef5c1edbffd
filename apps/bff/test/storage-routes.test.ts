// The storage forecast's routes and the dashboard's new parts, through the BFF against the demo emulator:
// answered from the console's own readings, shaped as the console contract says, refused to tenants.
import { dashboard, storageHistory, storageOutlook } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ConsoleHarness } from './console-harness';

let h: ConsoleHarness;
let instanceCount: number;
beforeAll(async () => {
  h = await startHarness();
  const viewer = await h.as('vera');
  instanceCount = ((await viewer.get(h.p('/instances?limit=100'))).body.instances as unknown[]).length;
  // Every instance read once (one round per instance at the default pace; the sampler's timers are off here).
  const sampler = h.running.samplers.find((s) => s !== undefined)!;
  for (let i = 0; i < instanceCount; i++) await sampler.tick();
});
afterAll(async () => {
  await h?.close();
});

describe('storage history and forecast routes', () => {
  it("answers an instance's readings and says why there is no date yet", async () => {
    const viewer = await h.as('vera');
    const id = h.ids.instances['prod-core-01'] as string;
    const res = await viewer.get(h.p(`/instances/${id}/storage-history`));
    expect(res.status).toBe(200);
    const body = storageHistory.parse(res.body);
    expect(body.instance_id).toBe(id);
    expect(body.samples).toHaveLength(1);
    const usage = (await viewer.get(h.p(`/instances/${id}/volume-usage`))).body as {
      used: string;
      total: string;
    };
    expect(body.samples[0]).toMatchObject({ used_gb: Number(usage.used), total_gb: Number(usage.total) });
    expect(body.forecast).toMatchObject({ reason: 'too_few_samples', days_to_full: null, samples: 1 });
    expect(body.sample_minutes).toBe(10);
  });

  it('lists the instances that fill first: the fullest first while no trend dates any', async () => {
    const viewer = await h.as('vera');
    const res = await viewer.get(h.p('/storage-forecast'));
    expect(res.status).toBe(200);
    const body = storageOutlook.parse(res.body);
    expect(body.sampled).toBeGreaterThan(0);
    expect(body.sampled).toBeLessThanOrEqual(instanceCount);
    expect(body.fills_first.length).toBe(Math.min(10, body.sampled));
    const pcts = body.fills_first.map((e) => e.used_percent);
    expect(pcts).toEqual([...pcts].sort((a, b) => b - a));
    expect(body.used_gb).toBeLessThanOrEqual(body.total_gb);
  });

  it('refuses a tenant user and a malformed instance id', async () => {
    const tina = await h.as('tina');
    expect((await tina.get(h.p('/storage-forecast'))).status).toBe(403);
    const viewer = await h.as('vera');
    const bad = await viewer.get(h.p('/instances/bad%20id!/storage-history'));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe("the dashboard's storage, resources and recent audit", () => {
  it('shows the storage readings to everyone who may read 4.3.1, and the audit to administrators only', async () => {
    const viewer = await h.as('vera');
    const admin = await h.as('alice');
    const forViewer = dashboard.parse((await viewer.get(h.p('/dashboard'))).body);
    const outlook = storageOutlook.parse((await viewer.get(h.p('/storage-forecast'))).body);
    expect(forViewer.storage.sampled).toBe(outlook.sampled);
    expect(forViewer.storage.fills_first).toEqual(outlook.fills_first.slice(0, 5));
    expect(forViewer.recent_audit).toBeNull();
    expect(forViewer.resources.vcpus).toBeGreaterThan(0);
    expect(forViewer.resources.storage_gb).toBeGreaterThan(0);
    // The wall lists the instances not ACTIVE, broken ones first; the failures' link filters from failed_since.
    const notActive = forViewer.instances.not_active;
    expect(notActive.length).toBe(forViewer.instances.total - (forViewer.instances.by_status.ACTIVE ?? 0));
    expect(notActive[0]?.status).toBe('STORAGE FULL');
    expect(
      Date.parse(forViewer.generated_at) - Date.parse(forViewer.tasks.failed_since),
    ).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(Date.parse(forViewer.generated_at) - Date.parse(forViewer.tasks.failed_since)).toBeLessThan(
      24 * 3600_000 + 1000,
    );

    const forAdmin = dashboard.parse((await admin.get(h.p('/dashboard'))).body);
    expect(forAdmin.recent_audit?.map((e) => [e.user, e.operation])).toEqual(
      expect.arrayContaining([
        ['vera', 'login'],
        ['alice', 'login'],
      ]),
    );
    // Inputs stay on the audit page.
    for (const e of forAdmin.recent_audit ?? []) expect(e.input).toBeNull();
  });
});
