// A refusal that names no field still lands on the field it is about: the code registry (and the
// cross-field codes declared beside their rules) says which field each DBS code concerns.
import { describe, expect, it } from 'vitest';
import { fieldsWithCode, operations, schemaHasPath } from '../src/index';

describe('fieldsWithCode', () => {
  const create = operations.createInstance.body;
  it.each([
    ['DBS.200021', 'name'],
    ['DBS.200052', 'password'],
    ['DBS.280364', 'port'],
    ['DBS.200023', 'volume.size'],
    ['DBS.280611', 'volume.size'],
    ['DBS.280612', 'volume.size'],
    ['DBS.200026', 'volume.type'],
    ['DBS.200025', 'availability_zone'],
    ['DBS.280288', 'flavor_ref'],
    ['DBS.200048', 'vpc_id'],
    ['DBS.200049', 'subnet_id'],
    ['DBS.280216', 'backup_strategy.start_time'],
    ['DBS.280214', 'backup_strategy.keep_days'],
    ['DBS.280447', 'time_zone'],
    ['DBS.200057', 'configuration_id'],
    ['DBS.280635', 'solution'],
    ['DBS.280629', 'solution'],
    ['DBS.280601', 'sharding_num'],
    ['DBS.280600', 'coordinator_num'],
    ['DBS.200041', 'datastore.version'],
  ])('createInstance: %s concerns %s', (code, path) => {
    expect(fieldsWithCode(create, code)).toContain(path);
  });

  it('finds codes on nested and cross-field rules of other operations', () => {
    expect(fieldsWithCode(operations.expandInstance.body, 'DBS.280611')).toEqual(['enlarge_volume.size']);
    expect(fieldsWithCode(operations.renameInstance.body, 'DBS.200021')).toEqual(['name']);
  });

  it('answers nothing for a code no field registers', () => {
    expect(fieldsWithCode(create, 'DBS.999999')).toEqual([]);
  });
});

describe('schemaHasPath', () => {
  it('knows the fields a strict body has, nested and in arrays', () => {
    const create = operations.createInstance.body;
    expect(schemaHasPath(create, ['volume', 'size'])).toBe(true);
    expect(schemaHasPath(operations.switchShardPrimary.body, ['shards', '0', 'component_id'])).toBe(true);
    expect(schemaHasPath(create, ['volume', 'colour'])).toBe(false);
    expect(schemaHasPath(create, ['nope'])).toBe(false);
  });
});
