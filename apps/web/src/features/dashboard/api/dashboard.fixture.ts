import type { Dashboard, DashboardTask } from '@gaussdb-console/api-client/browser';

const NOW = Date.parse('2026-03-01T12:00:00Z');

export const runningTask: DashboardTask = {
  id: 'job-run-1',
  name: 'RestartGaussDBV5Instance',
  status: 'Running',
  progress: 10,
  instance: { id: 'i-1', name: 'gauss-prod-01' },
  created_at: new Date(NOW - 90_000).toISOString(),
  ended_at: null,
  fail_reason: null,
};

export const failedTask: DashboardTask = {
  id: 'job-fail-1',
  name: 'ResizeFlavor',
  status: 'Failed',
  progress: 40,
  instance: { id: 'i-2', name: 'gauss-crm' },
  created_at: new Date(NOW - 3_600_000).toISOString(),
  ended_at: new Date(NOW - 3_000_000).toISOString(),
  fail_reason: 'Injected: no capacity.',
};

/** A dashboard answer as the BFF gives it (checked against the console contract by the tests that use it). */
export const dashboardAnswer: Dashboard = {
  project: 'demo',
  generated_at: new Date(NOW).toISOString(),
  instances: {
    total: 5,
    by_status: { ACTIVE: 3, 'STORAGE FULL': 1, FAILED: 1 },
    by_mode: { Centralization_standard: 4, Enterprise: 1 },
    not_active: [
      { id: 'i-3', name: 'gauss-broken', status: 'FAILED' },
      { id: 'i-2', name: 'gauss-crm', status: 'STORAGE FULL' },
    ],
  },
  resources: { vcpus: 40, memory_gb: 320, storage_gb: 1200 },
  storage: {
    sampled: 2,
    used_gb: 300,
    total_gb: 600,
    fills_first: [
      {
        id: 'i-2',
        name: 'gauss-crm',
        used_gb: 190,
        total_gb: 200,
        used_percent: 95,
        sampled_at: new Date(NOW).toISOString(),
        forecast: {
          growth_gb_per_day: 2,
          days_to_full: 5,
          full_at: new Date(NOW + 5 * 86_400_000).toISOString(),
          fit: 0.98,
          reason: null,
          samples: 40,
          span_hours: 72,
        },
      },
    ],
  },
  recent_audit: null,
  tasks: {
    running: [runningTask],
    running_count: 1,
    failed_last_24h: 1,
    failed_since: new Date(NOW - 86_400_000).toISOString().replace('.000Z', 'Z'),
    recent_failures: [failedTask],
  },
  quota: [{ type: 'instance', used: 5, quota: 50 }],
  truncated: false,
};
