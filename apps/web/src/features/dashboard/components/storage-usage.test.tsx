import { storageHistory, type Instance, type StorageHistory } from '@gaussdb-console/api-client/browser';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { StorageUsage } from './storage-usage';

afterEach(() => vi.unstubAllGlobals());

const instance: Instance = { id: 'i-1', name: 'gauss-prod-01', status: 'ACTIVE' };
const samples = Array.from({ length: 6 }, (_, i) => ({
  time: new Date(Date.UTC(2026, 2, 1, i)).toISOString(),
  used_gb: 100 + i,
  total_gb: 200,
}));

function setup(history: StorageHistory) {
  storageHistory.parse(history);
  const bff = fakeBff({
    console: { '/instances/i-1/storage-history': history },
  });
  return { bff, ...renderWithBff(<StorageUsage project="demo" instance={instance} />, bff) };
}

describe('storage usage on the instance overview', () => {
  it('says "full in about N days" where the trend supports one', async () => {
    setup({
      instance_id: 'i-1',
      samples,
      sample_minutes: 10,
      forecast: {
        growth_gb_per_day: 24,
        days_to_full: 3,
        full_at: '2026-03-04T05:00:00.000Z',
        fit: 1,
        reason: null,
        samples: 6,
        span_hours: 5,
      },
    });
    expect(await screen.findByText('Full in about 3 days')).toBeInTheDocument();
    expect(screen.getByText('Growing 24.00 GB a day')).toBeInTheDocument();
    expect(screen.getByText('6 readings, one every 10 min at most')).toBeInTheDocument();
  });

  it('says why there is no date when the trend does not support one', async () => {
    setup({
      instance_id: 'i-1',
      samples: samples.slice(0, 2),
      sample_minutes: 10,
      forecast: {
        growth_gb_per_day: null,
        days_to_full: null,
        full_at: null,
        fit: null,
        reason: 'too_few_samples',
        samples: 2,
        span_hours: 1,
      },
    });
    expect(await screen.findByText('Not enough readings yet for a forecast')).toBeInTheDocument();
  });
});
