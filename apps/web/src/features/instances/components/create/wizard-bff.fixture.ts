import type { Answer } from '../../../../test/fake-bff';
import {
  fakeBff as sharedFakeBff,
  refusal,
  type FakeBffOptions as SharedOptions,
} from '../../../../test/fake-bff';

/** The create wizard's reads and writes, answered by the console's one fake BFF (which checks every answer). */
export interface FakeBffOptions {
  weakPasswords?: string[];
  quota?: { used: number; quota: number };
  createError?: {
    status: number;
    code: string;
    message: string;
    fields?: { path: string; message: string }[];
  };
  /** More answers (the deployment form, enterprise projects...), by operation id. */
  answers?: SharedOptions['answers'];
}

const AZS = ['az1xahz', 'az2xahz', 'az3xahz'];
const normal = Object.fromEntries(AZS.map((az) => [az, 'normal']));

export const FLAVORS = {
  centralization_standard: [
    {
      vcpus: '4',
      ram: '32',
      spec_code: 'gaussdb.opengauss.ee.dn.m6.xlarge.8.ha',
      availability_zone: AZS,
      az_status: normal,
    },
    {
      vcpus: '8',
      ram: '64',
      spec_code: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha',
      availability_zone: AZS,
      az_status: { ...normal, az2xahz: 'sellout' },
    },
  ],
  enterprise: [
    {
      vcpus: '16',
      ram: '128',
      spec_code: 'gaussdb.opengauss.ee.dn.m6.4xlarge.8.in',
      availability_zone: AZS,
      az_status: normal,
    },
  ],
};

export const CREATED_ID = '0f2d3c4b5a6978877665544332211000in14';

export function fakeBff(options: FakeBffOptions = {}) {
  const createInstance: Answer = (call) => {
    const e = options.createError;
    if (e) return refusal(e.status, e.code, e.message, e.fields);
    const name = (call.body as { name?: string }).name ?? '';
    return {
      status: 202,
      body: {
        instance: { id: CREATED_ID, name, status: 'BUILD' },
        job_id: 'a2f5c6d7-1111-4222-8333-944455556666',
      },
    };
  };
  return sharedFakeBff({
    policy: { createInstance: ['admin'] },
    answers: {
      listDatastoreVersions: { versions: ['8.102', '8.201'] },
      listFlavors: (call) => {
        const mode = call.query.get('ha_mode') === 'enterprise' ? 'enterprise' : 'centralization_standard';
        return { flavors: FLAVORS[mode], total: FLAVORS[mode].length };
      },
      listStorageTypes: {
        storage_type: [{ name: 'ULTRAHIGH', az_status: normal, support_compute_group_type: ['normal'] }],
      },
      getProjectQuotas: {
        quotas: { resources: [{ type: 'instance', ...(options.quota ?? { used: 4, quota: 50 }) }] },
      },
      listParameterTemplates: {
        count: 1,
        configurations: [
          {
            id: 'b000d7c91f1749da87315700793a11d4pr14',
            name: 'Default-GaussDB-8.201-HA',
            datastore_version: '8.201',
            ha_mode: 'centralization_standard',
            user_defined: false,
          },
        ],
      },
      listPredefinedTags: { tags: [{ key: 'env', values: ['prod', 'test'] }] },
      checkWeakPassword: (call) => ({
        is_weak_password: (options.weakPasswords ?? []).includes(
          (call.body as { password?: string }).password ?? '',
        ),
      }),
      addInstanceTags: { instance_id: CREATED_ID },
      listInstances: { instances: [], total_count: 0 },
      createInstance,
      ...options.answers,
    },
  });
}
