import { SPECIAL_CHARS } from '@gaussdb-console/api-client/browser';
import { describe, expect, it } from 'vitest';
import {
  createDiskProblem,
  enlargeDiskProblem,
  flavorProblem,
  objectNameProblem,
  tenantPasswordProblem,
  TENANT_RESERVED_NAMES,
  TENANT_SCHEMA_RESERVED_NAMES,
  TENANT_USER_RESERVED_NAMES,
} from './tenant-rules';

describe('tenant rules of 4.10 as the forms check them', () => {
  it('names: 1–63 letters, digits, "_"; not a digit or "pg" first; not the reserved names of each endpoint', () => {
    expect(objectNameProblem('gauss_234', TENANT_RESERVED_NAMES)).toBeUndefined();
    expect(objectNameProblem('', TENANT_RESERVED_NAMES)).toBe('required');
    expect(objectNameProblem('a'.repeat(64), TENANT_RESERVED_NAMES)).toBe('length');
    expect(objectNameProblem('team-a', TENANT_RESERVED_NAMES)).toBe('chars');
    expect(objectNameProblem('1team', TENANT_RESERVED_NAMES)).toBe('startsDigit');
    expect(objectNameProblem('PG_team', TENANT_RESERVED_NAMES)).toBe('startsPg');
    for (const name of ['postgres', 'template0', 'template1', 'templatea', 'templatem', 'template_pdb']) {
      expect(objectNameProblem(name, TENANT_RESERVED_NAMES), name).toBe('reserved');
    }
    expect(objectNameProblem('root', TENANT_USER_RESERVED_NAMES)).toBe('reserved');
    expect(objectNameProblem('rdsAdmin', TENANT_USER_RESERVED_NAMES)).toBe('reserved');
    expect(objectNameProblem('public', TENANT_SCHEMA_RESERVED_NAMES)).toBe('reserved');
    expect(objectNameProblem('information_schema', TENANT_SCHEMA_RESERVED_NAMES)).toBe('reserved');
  });

  it('passwords: 8–32, three kinds, only the endpoint specials, not the name nor the name backwards (any case)', () => {
    const specials = SPECIAL_CHARS.tenantRoot;
    expect(tenantPasswordProblem('gauss_2345', 'gauss_234', specials)).toBeUndefined();
    expect(tenantPasswordProblem('', 'x', specials)).toBe('required');
    expect(tenantPasswordProblem('Ab1_', 'x', specials)).toBe('length');
    expect(tenantPasswordProblem('Abcdef1$', 'x', specials)).toBe('foreign');
    expect(tenantPasswordProblem('abcdefgh1', 'x', specials)).toBe('classes');
    expect(tenantPasswordProblem('Team_A_01', 'team_a_01', specials)).toBe('sameAsName');
    expect(tenantPasswordProblem('10_a_MAET', 'team_a_01', specials)).toBe('sameAsName');
  });

  it('CPU/memory: only a pair 4.10.9 offers', () => {
    const offered = [
      { cpu: 1, mem: 4 },
      { cpu: 2, mem: 8 },
    ];
    expect(flavorProblem(2, 8, offered)).toBeUndefined();
    expect(flavorProblem(2, 4, offered)).toBe('notOffered');
  });

  it('disk: whole GB within what the instance has left; an enlargement is a larger total that fits', () => {
    expect(createDiskProblem(20, 96)).toBeUndefined();
    expect(createDiskProblem(97, 96)).toBe('tooLarge');
    expect(createDiskProblem(2.5, 96)).toBe('notInteger');
    expect(createDiskProblem(10, 0)).toBe('nothingLeft');
    expect(enlargeDiskProblem(30, 20, 96)).toBeUndefined();
    expect(enlargeDiskProblem(20, 20, 96)).toBe('notLarger');
    expect(enlargeDiskProblem(15, 20, 96)).toBe('notLarger');
    expect(enlargeDiskProblem(117, 20, 96)).toBe('tooLarge');
    expect(enlargeDiskProblem(116, 20, 96)).toBeUndefined();
  });
});
