import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatTime } from '../../../shared/lib/format';
import { renderWithBff } from '../../../test/render';
import { toLocalInput } from '../lib/timeline-geometry';
import { at, backupsBff, FULLS, instance, NOW } from '../api/backups.fixture';
import { PointInTimePanel } from './point-in-time-panel';

function setup(role: 'admin' | 'operator' = 'admin') {
  const bff = backupsBff({
    role,
    policy: {
      restoreToNewInstance: ['admin'],
      restoreToExistingInstance: ['admin'],
    },
  });
  return {
    bff,
    ...renderWithBff(<PointInTimePanel project="demo" instance={instance} fulls={FULLS} />, bff),
  };
}

const verdict = () => screen.getByTestId('pitr-verdict');
const typeTime = (ms: number) => {
  fireEvent.change(screen.getByLabelText('Restore point'), { target: { value: toLocalInput(ms) } });
  fireEvent.click(screen.getByRole('button', { name: 'Use this time' }));
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('point-in-time restore', () => {
  it('asks 4.7.7 for each UTC day shown and offers the latest restorable second with the backup it starts from', async () => {
    const { bff } = setup();
    await screen.findByText(/can be restored\./);
    expect(bff.callsTo('listRestoreTimes').map((c) => c.query.get('date'))).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
    ]);
    expect(verdict()).toHaveTextContent(
      /starts from the Automatic full backup GaussDB-gauss-ledger-day1 .* then replays 15h 40m of archived log/,
    );
    const link = screen.getByRole('link', { name: 'Restore to a new instance' });
    expect(link.getAttribute('href')).toBe(`/p/demo/instances/restore?instance=${instance.id}&time=${NOW}`);
  });

  it('refuses a typed time in a gap with the reason, and offers no restore', async () => {
    setup();
    await screen.findByText(/can be restored\./);
    typeTime(at(8, 30, 1));
    expect(within(verdict()).getByRole('alert')).toHaveTextContent(
      /Nothing can be restored at .*: no archived log covers the gap from .* to /,
    );
    expect(screen.queryByRole('link', { name: 'Restore to a new instance' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Restore to a new instance' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Restore over an existing instance…' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: /^Use the nearest restorable point/ }));
    expect(verdict()).toHaveTextContent(`${formatTime(at(8, 0, 1)).text} can be restored.`);
    typeTime(at(1));
    expect(within(verdict()).getByRole('alert')).toHaveTextContent(/is before the earliest restorable point/);
    typeTime(NOW + 3_600_000);
    expect(within(verdict()).getByRole('alert')).toHaveTextContent(/is in the future/);
  });

  it('shows the base backup of a chosen time and lets the DBA start from an older full backup explicitly', async () => {
    setup();
    await screen.findByText(/can be restored\./);
    typeTime(at(15));
    expect(verdict()).toHaveTextContent(/starts from the Manual full backup before-release/);
    fireEvent.change(screen.getByLabelText('Start from an older full backup instead:'), {
      target: { value: FULLS[0]!.id },
    });
    expect(verdict()).toHaveTextContent(
      /Restores the Automatic full backup GaussDB-gauss-ledger-day0: the data as it was at/,
    );
    expect(verdict()).toHaveTextContent(/Changes made after .* are not in it\./);
    expect(screen.getByRole('link', { name: 'Restore to a new instance' }).getAttribute('href')).toBe(
      `/p/demo/instances/restore?instance=${instance.id}&backup=${FULLS[0]!.id}`,
    );
    fireEvent.click(screen.getByRole('button', { name: /Back to the point in time/ }));
    expect(verdict()).toHaveTextContent(/starts from the Manual full backup before-release/);
  });

  it('hides restoring from an operator and says why', async () => {
    setup('operator');
    await screen.findByText(/can be restored\./);
    expect(screen.queryByRole('link', { name: 'Restore to a new instance' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Restore over/ })).toBeNull();
    expect(screen.getByText(/Your role \(Operator\) cannot restore/)).toBeInTheDocument();
  });
});
