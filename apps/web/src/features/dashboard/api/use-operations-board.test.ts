import { describe, expect, it } from 'vitest';
import { dashboardAnswer, runningTask } from './dashboard.fixture';
import { boardOf, ENDED_SHOWN_MS } from './use-operations-board';

const seen = () => 0;
const NOW = Date.now();

describe('the operations board (dashboard and wall)', () => {
  it('takes running jobs and their progress from the live stream once it has reported', () => {
    const before = boardOf({ dashboard: dashboardAnswer, live: {}, known: false, ended: [], now: NOW, seen });
    expect(before.running.map((j) => [j.id, j.progress])).toEqual([['job-run-1', 10]]);
    const live = {
      'job-run-1': { id: 'job-run-1', name: runningTask.name, status: 'Running', progress: 55 },
    };
    const moving = boardOf({ dashboard: dashboardAnswer, live, known: true, ended: [], now: NOW, seen });
    expect(moving.running.map((j) => [j.id, j.progress, j.instance.name])).toEqual([
      ['job-run-1', 55, 'gauss-prod-01'],
    ]);
    // A job the stream no longer reports has left, even if the last dashboard read still lists it.
    expect(
      boardOf({ dashboard: dashboardAnswer, live: {}, known: true, ended: [], now: NOW, seen }).running,
    ).toEqual([]);
  });

  it('shows a job that just ended with its final state for a moment, then lets it go', () => {
    const ended = [
      { id: 'job-run-1', name: runningTask.name, status: 'Completed', progress: 90, endedAt: NOW },
    ];
    const moment = boardOf({
      dashboard: dashboardAnswer,
      live: {},
      known: true,
      ended,
      now: NOW + 1000,
      seen,
    });
    expect(moment.justEnded.map((j) => [j.status, j.progress])).toEqual([['Completed', 100]]);
    expect(
      boardOf({ dashboard: dashboardAnswer, live: {}, known: true, ended, now: NOW + ENDED_SHOWN_MS, seen })
        .justEnded,
    ).toEqual([]);
  });

  it("counts elapsed time from when the job was first seen when its start lies in this browser's future", () => {
    const ahead = {
      ...dashboardAnswer,
      tasks: {
        ...dashboardAnswer.tasks,
        running: [{ ...runningTask, created_at: new Date(NOW + 3_600_000).toISOString() }],
      },
    };
    const b = boardOf({
      dashboard: ahead,
      live: {},
      known: false,
      ended: [],
      now: NOW,
      seen: () => NOW - 5000,
    });
    expect(b.running[0]?.since).toBe(NOW - 5000);
    const past = boardOf({ dashboard: dashboardAnswer, live: {}, known: false, ended: [], now: NOW, seen });
    expect(past.running[0]?.since).toBe(Date.parse(runningTask.created_at ?? ''));
  });
});
