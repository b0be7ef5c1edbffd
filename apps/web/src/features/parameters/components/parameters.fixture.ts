import type { Instance } from '@gaussdb-console/api-client/browser';

/** Answers of the parameters area for component tests (shapes as the reference sends them). */

export const SYSTEM_ID = '576603488f2203fb935682a5d2c14cb3pr14';
export const USER_ID = '855c0bbadb25c9b6a1b2bce6e28da6adpr14';
export const INSTANCE_ID = 'b3dc616e660b80bf7cbf1d27471dd62ain14';
export const OTHER_ID = '7b29d88663de556bc84a851462bfded0in14';

export const templateList = {
  count: 2,
  configurations: [
    {
      id: SYSTEM_ID,
      name: 'Default-Enterprise-Edition-GaussDB-8.201-Centralized',
      description: 'Default parameter template',
      datastore_version: '8.201',
      datastore_name: 'GaussDB',
      ha_mode: 'centralization_standard',
      created: '2024-08-15 02:50:30',
      updated: '2024-08-15 02:50:30',
      user_defined: false,
    },
    {
      id: USER_ID,
      name: 'oltp-high-concurrency',
      description: 'Short transactions',
      datastore_version: '8.201',
      datastore_name: 'GaussDB',
      ha_mode: 'centralization_standard',
      created: '2025-01-02 10:00:00',
      updated: '2025-01-02 10:00:00',
      user_defined: true,
    },
  ],
};

type P = { name: string; value: string };
const META: Record<
  string,
  { need_restart: boolean; readonly?: boolean; value_range: string; data_type: string; description: string }
> = {
  max_connections: {
    need_restart: true,
    value_range: '10-262143',
    data_type: 'integer',
    description: 'Maximum concurrent connections.',
  },
  session_timeout: {
    need_restart: false,
    value_range: '0-86400',
    data_type: 'integer',
    description: 'Idle time before a session closes.',
  },
  log_statement: {
    need_restart: false,
    value_range: '|none|ddl|mod|all',
    data_type: 'string',
    description: 'Statements logged.',
  },
  ssl: {
    need_restart: true,
    readonly: true,
    value_range: '|on|off',
    data_type: 'boolean',
    description: 'SSL (managed by the service).',
  },
};

/** A template (4.5.6 spelling: need_restart, data_type, readonly). */
export const templateDetail = (id: string, name: string, values: P[]) => ({
  id,
  name,
  description: '',
  engine_version: '8.201',
  instance_mode: 'ha',
  created_at: '2024-08-15T02:50:30+0000',
  updated_at: '2024-08-15T02:50:30+0000',
  configuration_parameters: values.map((v) => ({ ...v, ...META[v.name]! })),
});

/** An instance's parameters (4.5.2 spelling: restart_required, type; no readonly). */
export const instanceParameters = (values: P[]) => ({
  datastore_version: '8.201',
  datastore_name: 'GaussDB',
  created: '2025-01-01 00:00:00',
  updated: '2025-01-03 08:00:00',
  configuration_parameters: values.map((v) => {
    const m = META[v.name]!;
    return {
      ...v,
      restart_required: m.need_restart,
      type: m.data_type,
      value_range: m.value_range,
      description: m.description,
    };
  }),
});

export const DEFAULTS: P[] = [
  { name: 'max_connections', value: '5000' },
  { name: 'session_timeout', value: '600' },
  { name: 'log_statement', value: 'none' },
  { name: 'ssl', value: 'on' },
];

export const withValues = (changes: Record<string, string>): P[] =>
  DEFAULTS.map((p) => ({ name: p.name, value: changes[p.name] ?? p.value }));

export const instance = (id = INSTANCE_ID, name = 'prod-core-01', status = 'ACTIVE'): Instance =>
  ({
    id,
    name,
    status,
    type: 'Centralization_standard',
    datastore: { type: 'GaussDB', version: '8.201' },
  }) as Instance;
