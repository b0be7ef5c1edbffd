// Descriptors for client tests, written here so the tests do not depend on the registry's contents.
import { z } from 'zod';
import { defineOperation } from '../../src/operations/define';

const thing = z.looseObject({ id: z.string(), name: z.string() });

export const listThings = defineOperation({
  id: 'listThings',
  section: 't.1',
  title: 'List things',
  titleZh: '查询',
  area: 'instances',
  method: 'GET',
  path: '/v3/{project_id}/things',
  query: z.strictObject({
    offset: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    name: z.string().optional(),
    tags: z.array(z.string()).optional(),
  }),
  response: z.looseObject({ things: z.array(thing), total_count: z.number().optional() }),
  successStatus: 200,
  paging: { kind: 'offset', itemsKey: 'things', totalKey: 'total_count', maxLimit: 100 },
});

export const getThing = defineOperation({
  id: 'getThing',
  section: 't.2',
  title: 'Get a thing',
  titleZh: '获取',
  area: 'instances',
  method: 'GET',
  path: '/v3/{project_id}/things/{thing_id}',
  pathParams: z.strictObject({ thing_id: z.string().min(1) }),
  response: z.looseObject({ thing: z.looseObject({ id: z.string(), size: z.number() }) }),
  successStatus: 200,
});

export const createThing = defineOperation({
  id: 'createThing',
  section: 't.3',
  title: 'Create a thing',
  titleZh: '创建',
  area: 'instances',
  method: 'POST',
  path: '/v3/{project_id}/things',
  body: z.strictObject({ name: z.string().min(4), password: z.string().optional() }),
  response: z.looseObject({ job_id: z.string() }),
  successStatus: 202,
});

/** Like 4.10.2: DELETE carrying a JSON body. */
export const deleteTenantLike = defineOperation({
  id: 'deleteTenantLike',
  section: 't.4',
  title: 'Delete a tenant',
  titleZh: '删除租户',
  area: 'tenants',
  method: 'DELETE',
  path: '/v3/{project_id}/instances/{instance_id}/pdbs',
  pathParams: z.strictObject({ instance_id: z.string() }),
  body: z.strictObject({ pdb_name: z.string() }),
  response: z.looseObject({ job_id: z.string() }),
  successStatus: 202,
  destructive: true,
});

export const listVersionsLike = defineOperation({
  id: 'listVersionsLike',
  section: 't.5',
  title: 'API versions',
  titleZh: '版本',
  area: 'versions',
  method: 'GET',
  path: '/gaussdb',
  response: z.looseObject({ versions: z.array(z.looseObject({ id: z.string() })) }),
  successStatus: 200,
  projectless: true,
});

export const listProjectsLike = defineOperation({
  id: 'listProjectsLike',
  section: 'iam.2',
  title: 'IAM projects',
  titleZh: '项目',
  area: 'iam',
  method: 'GET',
  path: '/v3/projects',
  query: z.strictObject({ name: z.string().optional() }),
  response: z.looseObject({ projects: z.array(z.looseObject({ id: z.string() })) }),
  successStatus: 200,
  service: 'iam',
  projectless: true,
});

/** Page-numbered list: `offset` is the page (1-based). */
export const listPagesLike = defineOperation({
  id: 'listPagesLike',
  section: 't.6',
  title: 'Paged by number',
  titleZh: '分页',
  area: 'tasks',
  method: 'GET',
  path: '/v3/{project_id}/tasks',
  query: z.strictObject({
    offset: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(3).optional(),
  }),
  response: z.looseObject({ tasks: z.array(z.looseObject({ job_id: z.string() })) }),
  successStatus: 200,
  paging: { kind: 'page', itemsKey: 'tasks', maxLimit: 3 },
});

export const getJobLike = defineOperation({
  id: 'getJob',
  section: '4.12.1',
  title: 'Get job',
  titleZh: '获取任务信息',
  area: 'tasks',
  method: 'GET',
  path: '/v3/{project_id}/jobs',
  query: z.strictObject({ id: z.string() }),
  response: z.looseObject({
    job: z.looseObject({
      id: z.string(),
      status: z.string(),
      progress: z.string().nullish(),
      fail_reason: z.string().nullish(),
    }),
  }),
  successStatus: 200,
});

export const thingOperations = {
  listThings,
  getThing,
  createThing,
  deleteTenantLike,
  listVersionsLike,
  listProjectsLike,
  listPagesLike,
  getJob: getJobLike,
} as const;
