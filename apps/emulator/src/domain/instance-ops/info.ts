import { DAY, isoSeconds } from '../../clock/clock';
import { registerHandler } from '../../http/handlers';
import { jobsCollection } from '../../jobs/job-model';
import { paging, requireProject } from '../context';
import { INSTANCE_STATUSES } from '../instance-model';
import { instances } from '../instance-state';
import { lowerStatus } from '../instance-views';
import { instanceOf } from './common';
import { autoEnlargePolicyView } from './volume';

/** 4.4.21 (auto-enlarge policy), 4.4.22 (statistics by status) and 4.4.23 (enterprise projects). */

registerHandler('getAutoEnlargePolicy', (ctx) => {
  const { inst } = instanceOf(ctx);
  return autoEnlargePolicyView(ctx.rt, inst);
});

/**
 * 4.4.22: the token's project (the path has none, OPS-4), in the lower-case vocabulary of the example
 * (`normal`, `abnormal`, `creating`, `createfail`; other statuses lower-cased). One indexed count per status.
 */
registerHandler('getInstanceStatistics', (ctx) => {
  const project = requireProject(ctx);
  const col = instances(ctx.rt);
  const counts = new Map<string, number>();
  const add = (status: string, n: number) => {
    if (n > 0) counts.set(status, (counts.get(status) ?? 0) + n);
  };
  for (const status of INSTANCE_STATUSES) {
    if (status === 'FAILED') continue;
    add(
      lowerStatus(status),
      col.count({ projectId: project.id, where: [{ col: 'status', op: '=', value: status }] }),
    );
  }
  // FAILED splits into instances whose creation failed and instances that broke later.
  const failed = col.all({ projectId: project.id, where: [{ col: 'status', op: '=', value: 'FAILED' }] });
  const jobs = ctx.rt.store.collection(jobsCollection);
  for (const inst of failed) {
    const createFailed = jobs.count({
      projectId: project.id,
      where: [
        { col: 'instance_id', op: '=', value: inst.id },
        { col: 'name', op: '=', value: 'CreateGaussDBV5Instance' },
        { col: 'status', op: '=', value: 'Failed' },
      ],
    });
    add(createFailed > 0 ? 'createfail' : 'abnormal', 1);
  }
  const rows = [...counts.entries()].map(([status, count]) => ({ status, count }));
  return { total_count: rows.reduce((s, r) => s + r.count, 0), instances_statistics: rows };
});

/** The account's enterprise projects: `0` is the default one every resource starts in. */
export const ENTERPRISE_PROJECTS = [
  { id: '0', name: 'default', description: 'Default enterprise project', status: '1', createdDaysAgo: 720 },
  {
    id: '3f0c5a6e-8a7b-4c2d-9e1f-0a1b2c3d4e5f',
    name: 'finance-prod',
    description: 'Finance production databases',
    status: '1',
    createdDaysAgo: 400,
  },
  {
    id: '7b2d9c41-5e6f-4a8b-8c9d-1e2f3a4b5c6d',
    name: 'data-platform',
    description: 'Analytics and reporting',
    status: '1',
    createdDaysAgo: 300,
  },
  {
    id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e6f',
    name: 'auto-test',
    description: 'Automated test environments',
    status: '1',
    createdDaysAgo: 120,
  },
  {
    id: 'e9f8a7b6-c5d4-4e3f-9a2b-1c0d9e8f7a6b',
    name: 'legacy-archive',
    description: 'Retired systems kept for audit',
    status: '2',
    createdDaysAgo: 900,
  },
] as const;

registerHandler('listEnterpriseProjects', (ctx) => {
  requireProject(ctx);
  const q = ctx.query;
  const { offset, limit } = paging(q, 1000);
  const keyword = q.name_keyword?.toLowerCase() ?? '';
  // Stable times: counted back from a fixed day, not from the moving clock.
  const epoch = Date.UTC(2025, 0, 1);
  const rows = ENTERPRISE_PROJECTS.filter((p) => p.name.toLowerCase().includes(keyword)).map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    status: p.status,
    created_at: isoSeconds(epoch - p.createdDaysAgo * DAY),
    updated_at: isoSeconds(epoch - Math.floor(p.createdDaysAgo / 3) * DAY),
  }));
  return { enterprise_projects: rows.slice(offset, offset + limit), total_count: rows.length };
});
