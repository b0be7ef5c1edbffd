import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/config';

describe('command-line options', () => {
  it('has the documented defaults, with relative paths resolved from where npm ran', () => {
    expect(parseCliArgs([], '/home/u/proj')).toMatchObject({
      port: 8100,
      host: '127.0.0.1',
      data: '/home/u/proj/data/emulator',
      speed: 1,
      seed: 'demo',
      memory: false,
    });
  });

  it('reads --flag value and --flag=value', () => {
    const o = parseCliArgs(
      ['--port=0', '--memory', '--speed', '50', '--seed', 'scale:100', '--admin', '--state-file', 's.json'],
      '/w',
    );
    expect(o).toMatchObject({
      port: 0,
      memory: true,
      data: undefined,
      speed: 50,
      seed: 'scale:100',
      admin: true,
      stateFile: '/w/s.json',
    });
  });

  it('turns the background activity on for the demo seed, off otherwise; EMULATOR_ACTIVITY and --activity override', () => {
    expect(parseCliArgs([], '/w', {}).activity).toBe(true);
    expect(parseCliArgs(['--seed', 'empty'], '/w', {}).activity).toBe(false);
    expect(parseCliArgs([], '/w', { EMULATOR_ACTIVITY: 'off' }).activity).toBe(false);
    expect(parseCliArgs(['--seed', 'scale:10'], '/w', { EMULATOR_ACTIVITY: 'ON' }).activity).toBe(true);
    expect(parseCliArgs(['--activity', 'on'], '/w', { EMULATOR_ACTIVITY: 'off' }).activity).toBe(true);
    expect(parseCliArgs(['--activity=off'], '/w', {}).activity).toBe(false);
    expect(() => parseCliArgs([], '/w', { EMULATOR_ACTIVITY: 'maybe' })).toThrow(
      /EMULATOR_ACTIVITY must be on or off/,
    );
  });

  it.each([
    [['--port', 'abc'], /--port must be a number/],
    [['--port', '70000'], /--port must be 0–65535/],
    [['--speed', '0'], /--speed must be > 0/],
    [['--seed', 'lots'], /--seed must be demo, empty or scale:N/],
    [['--memory', '--data', 'x'], /exclude each other/],
    [['--bogus'], /unknown option --bogus/],
    [['--data'], /--data needs a value/],
    [['--activity', 'sometimes'], /--activity must be on or off/],
  ])('explains a bad option %j', (argv, message) => {
    expect(() => parseCliArgs(argv, '/w')).toThrow(message);
  });
});
