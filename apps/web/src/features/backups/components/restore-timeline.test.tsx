import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { joinRanges } from '../api/restore-windows';
import { at, DAY0, FULLS, NOW, RANGES } from '../api/backups.fixture';
import { RestoreTimeline } from './restore-timeline';

const windows = joinRanges(Object.values(RANGES).flat());

function setup(value?: number) {
  const onChange = vi.fn();
  const onPickBackup = vi.fn();
  render(
    <RestoreTimeline
      from={DAY0}
      to={NOW}
      now={NOW}
      windows={windows}
      fulls={FULLS}
      value={value}
      onChange={onChange}
      onPickBackup={onPickBackup}
    />,
  );
  return {
    onChange,
    onPickBackup,
    slider: screen.getByRole('slider', { name: 'Restore point on the timeline' }),
  };
}

describe('restore timeline', () => {
  it('draws every restorable window and a marker for every full backup', () => {
    setup();
    expect(screen.getAllByTestId('restore-window')).toHaveLength(4);
    const markers = screen.getAllByRole('button', { name: /backup .*: restore this backup/ });
    expect(markers.map((m) => m.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Automatic full backup GaussDB-gauss-ledger-day0, data up to /),
      expect.stringMatching(/^Manual full backup before-release, data up to /),
      expect.stringMatching(/^Automatic full backup GaussDB-gauss-ledger-day1, data up to /),
    ]);
  });

  it('says whether the chosen time can be restored to, for a screen reader', () => {
    setup(at(8, 30, 1));
    expect(screen.getByRole('slider')).toHaveAttribute(
      'aria-valuetext',
      expect.stringMatching(/not restorable$/),
    );
  });

  it('chooses the time under the pointer', () => {
    const { slider, onChange } = setup();
    slider.getBoundingClientRect = () => ({
      left: 100,
      width: 420,
      top: 0,
      height: 32,
      right: 520,
      bottom: 32,
      x: 100,
      y: 0,
      toJSON: () => ({}),
    });
    // 42 hours on 420 px: 10 px an hour; 250 px from the left is 15:00 of day 0.
    fireEvent.click(slider, { clientX: 250 });
    expect(onChange).toHaveBeenCalledWith(at(15));
  });

  it('moves by minute, hour and day from the keyboard, and jumps to the earliest and latest restorable second', () => {
    const { slider, onChange } = setup(at(15));
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(onChange).toHaveBeenLastCalledWith(at(15, 1));
    fireEvent.keyDown(slider, { key: 'ArrowLeft', shiftKey: true });
    expect(onChange).toHaveBeenLastCalledWith(at(14));
    fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(onChange).toHaveBeenLastCalledWith(at(15, 0, 1));
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(onChange).toHaveBeenLastCalledWith(at(2, 20));
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onChange).toHaveBeenLastCalledWith(NOW);
  });

  it('a marker chooses its backup', () => {
    const { onPickBackup } = setup();
    fireEvent.click(screen.getByRole('button', { name: /before-release/ }));
    expect(onPickBackup).toHaveBeenCalledWith(FULLS[1]);
  });
});
