import { getOperation } from '@gaussdb-console/api-client/browser';
import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../../../../../shared/lib/i18n';
import en from '../../../i18n/actions/en.json';
import zh from '../../../i18n/actions/zh-CN.json';
import { instanceActions } from './registry';
import { centralized, distributed } from './action-dialogs.fixture';

const t = i18n.t.bind(i18n);
const action = (key: string) => {
  const a = instanceActions.find((x) => x.key === key);
  if (!a) throw new Error(`no action ${key}`);
  return a;
};

type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );

describe('instance action registry', () => {
  it('keeps restart, rename and delete and names a real operation for every action', () => {
    expect(instanceActions.map((a) => a.key)).toEqual(
      expect.arrayContaining(['restart', 'rename', 'delete']),
    );
    for (const a of instanceActions) expect(getOperation(a.operationId), a.key).toBeDefined();
    expect(new Set(instanceActions.map((a) => a.key)).size).toBe(instanceActions.length);
  });

  it('marks destructive operations as danger', () => {
    for (const a of instanceActions)
      if (getOperation(a.operationId)?.destructive) expect(a.danger, a.key).toBe(true);
  });

  it('offers CN and shard scale-out only on distributed instances', () => {
    expect(action('addShards').blockedBy(centralized, t)).toBe(
      'Only distributed instances have CNs and shards to add.',
    );
    expect(action('addCoordinators').blockedBy(centralized, t)).toBeDefined();
    expect(action('addShards').blockedBy(distributed, t)).toBeUndefined();
  });

  it('offers the replica-form switches only on distributed instances with three replicas per shard (L3489, L3565)', () => {
    const onlyDistributed =
      'Only distributed instances (independent deployment) can change their replica form; centralized instances cannot.';
    for (const key of ['toLogger', 'toStandby']) {
      expect(action(key).blockedBy(centralized, t), key).toBe(onlyDistributed);
      expect(action(key).blockedBy({ ...centralized, solution: 'double', replica_num: 2 }, t), key).toBe(
        onlyDistributed,
      );
      expect(
        action(key).blockedBy(
          { ...centralized, ha: { mode: 'combined' }, type: 'Combined', solution: 'hcs2' },
          t,
        ),
        key,
      ).toBe(onlyDistributed);
      expect(action(key).blockedBy({ ...distributed, replica_num: 2 }, t), key).toMatch(
        /three replicas per shard/,
      );
      expect(action(key).blockedBy(distributed, t), key).toBeUndefined();
      expect(action(key).blockedBy({ ...distributed, status: 'MODIFYING' }, t), key).toBeDefined();
    }
  });

  it('gives the replica-form reasons in Chinese too', async () => {
    await setLanguage('zh-CN');
    try {
      expect(action('toLogger').blockedBy(centralized, t)).toBe(
        '仅分布式（独立部署）实例可以切换副本形态；主备版（集中式）实例不支持。',
      );
    } finally {
      await setLanguage('en');
    }
  });

  it('lets a disk be enlarged when storage is full and an upgrade be decided while observed, but not while busy', () => {
    expect(action('enlargeDisk').blockedBy({ ...centralized, status: 'STORAGE FULL' }, t)).toBeUndefined();
    expect(
      action('upgrade').blockedBy({ ...centralized, status: 'UPGRADE TO BE OBSERVED' }, t),
    ).toBeUndefined();
    expect(action('resizeFlavor').blockedBy({ ...centralized, status: 'MODIFYING' }, t)).toBeDefined();
    expect(action('stopNodes').blockedBy({ ...centralized, status: 'FAILED' }, t)).toBeUndefined();
  });

  it('has every string in English and Chinese, none empty, with the console terms in Chinese', () => {
    expect(keys(zh as Tree).sort()).toEqual(keys(en as Tree).sort());
    const walk = (tree: Tree): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : walk(v)));
    for (const tree of [en, zh] as Tree[]) expect(walk(tree).filter((s) => s.trim() === '')).toEqual([]);
    const text = JSON.stringify(zh);
    for (const term of [
      '重置密码',
      '规格变更',
      '扩容',
      '协调节点',
      '分片',
      '磁盘扩容',
      '启动节点',
      '停止节点',
      '主备切换',
      '弹性公网IP',
      'SSL证书',
      '高级特性',
      '内核升级',
    ])
      expect(text).toContain(term);
    for (const a of instanceActions.filter((x) => !['restart', 'rename', 'delete'].includes(x.key)))
      expect(i18n.exists(`instanceActions.${a.key}.menu`), a.key).toBe(true);
  });
});
