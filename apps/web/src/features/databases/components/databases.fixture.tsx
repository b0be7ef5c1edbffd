import type { Instance } from '@gaussdb-console/api-client/browser';
import { vi } from 'vitest';
import { fakeBff, type FakeBffOptions } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { DatabasesTab } from './databases-tab';

export { refusal } from '../../../test/fake-bff';

export const instance: Instance = {
  id: '6f1e2d3c4b5a69788796a5b4c3d2e1f0in14',
  name: 'gauss-prod-01',
  status: 'ACTIVE',
  type: 'Centralization_standard',
  nodes: [
    { id: 'n1no14', name: 'gauss-prod-01_dn_1', status: 'ACTIVE' },
    { id: 'n2no14', name: 'gauss-prod-01_dn_2', status: 'ACTIVE' },
  ],
};

/** The instance's databases, users and schemas as the service lists them (built-ins included). */
export const dbAnswers: FakeBffOptions['answers'] = {
  listDatabases: {
    databases: [{ name: 'sales', owner: 'root', character_set: 'utf8', collate_set: 'C', size: '12' }],
    total_count: 1,
  },
  listDbUsers: {
    users: [
      {
        name: 'root',
        attributes: { rolcanlogin: true, rolcreatedb: true, rolconnlimit: -1 },
        memberof: '{gs_role_copy_files}',
      },
      { name: 'rdsAdmin', attributes: { rolsuper: true } },
      { name: 'app', attributes: { rolcanlogin: true, rolconnlimit: 20 } },
    ],
    total_count: 3,
  },
  listSchemas: {
    database_schemas: [
      { schema_name: 'public', owner: 'root' },
      { schema_name: 'orders', owner: 'app' },
    ],
    total_count: 2,
  },
  checkWeakPassword: (c) => ({
    is_weak_password: (c.body as { password: string }).password === 'Gauss_db2024',
  }),
  createDatabase: {},
  createDbUser: {},
  resetDbUserPassword: {},
  createSchema: {},
  grantDbPrivilege: {},
};

/** The Databases tab of the instance page, at `search` (e.g. `?tab=databases&view=users`). */
export function renderTab(
  answers: FakeBffOptions['answers'] = {},
  opts: Omit<FakeBffOptions, 'answers'> & { search?: string; inst?: Instance } = {},
) {
  const bff = fakeBff({ ...opts, answers: { ...dbAnswers, ...answers } });
  const utils = renderWithBff(<DatabasesTab project="demo" instance={opts.inst ?? instance} />, bff, {
    route: `/p/demo/instances/${instance.id}${opts.search ?? '?tab=databases'}`,
    path: '/p/:project/instances/:instanceId',
  });
  return { ...utils, bff, onOpenChange: vi.fn() };
}
