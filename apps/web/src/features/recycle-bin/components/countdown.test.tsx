import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { purgeAt, timeLeft } from '../lib/time-left';
import { PurgeCountdown } from './countdown';

const DAY = 86_400_000;
const DELETED = Date.UTC(2026, 2, 10, 8, 0, 0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(DELETED);
});
afterEach(() => vi.useRealTimers());

describe('purge countdown', () => {
  it('counts down from the retention on the app clock, second by second', () => {
    render(<PurgeCountdown purge={purgeAt(DELETED, 7)} />);
    expect(screen.getByText('7 d 0 h 0 min')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(61_000));
    expect(screen.getByText('6 d 23 h 58 min')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(6 * DAY + 22 * 3_600_000));
    expect(screen.getByText('1 h 58 min 59 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByText('1 h 58 min 58 s')).toBeInTheDocument();
  });

  it('turns red under a day and says "due" once the purge time has passed', () => {
    render(<PurgeCountdown purge={purgeAt(DELETED, 1)} />);
    const el = () => screen.getByTitle(/^Purged at /);
    expect(el()).toHaveTextContent('1 d 0 h 0 min');
    expect(el()).not.toHaveClass('text-red-700');
    act(() => vi.advanceTimersByTime(1000));
    expect(el()).toHaveTextContent('23 h 59 min 59 s');
    expect(el()).toHaveClass('text-red-700');
    act(() => vi.advanceTimersByTime(DAY - 31_000));
    expect(el()).toHaveTextContent('0 min 30 s');
    act(() => vi.advanceTimersByTime(31_000));
    expect(el()).toHaveTextContent('Purge due');
  });

  it('splits the time left (unit)', () => {
    expect(timeLeft(DELETED + DAY + 3_723_000, DELETED)).toMatchObject({
      days: 1,
      hours: 1,
      minutes: 2,
      seconds: 3,
      urgent: false,
    });
    expect(timeLeft(DELETED, DELETED + 5)).toMatchObject({ ms: -5, days: 0, urgent: true });
  });
});
