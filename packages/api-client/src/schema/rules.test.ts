import { describe, expect, it } from 'vitest';
import { backupWindow, instanceName, port, timeZone } from './rules';

describe('shared request rules', () => {
  it.each([
    ['gauss-prod-01', true],
    ['abc', false],
    ['1abc', false],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['bad name!', false],
  ])('instance name %s valid=%s', (v, ok) => {
    expect(instanceName().safeParse(v).success).toBe(ok);
  });
  it.each([
    ['8000', true],
    [8000, true],
    ['1023', false],
    ['39999', false],
    ['5000', false],
    ['32124', false],
  ])('port %s valid=%s', (v, ok) => {
    expect(port().safeParse(v).success).toBe(ok);
  });
  it.each([
    ['02:00-03:00', true],
    ['23:00-00:00', true],
    ['02:00-04:00', false],
    ['02:30-03:30', false],
  ])('backup window %s valid=%s', (v, ok) => {
    expect(backupWindow().safeParse(v).success).toBe(ok);
  });
  it.each([
    ['UTC+08:00', true],
    ['UTC-12:00', true],
    ['UTC+13:00', false],
    ['UTC+08:30', false],
  ])('time zone %s valid=%s', (v, ok) => {
    expect(timeZone().safeParse(v).success).toBe(ok);
  });
});
