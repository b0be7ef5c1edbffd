import { describe, expect, it } from 'vitest';
import en from '../../i18n/create/en.json';
import zh from '../../i18n/create/zh-CN.json';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );

describe('create-instance wizard strings', () => {
  it('has the same keys in English and Chinese, none left empty', () => {
    expect(keys(zh as Tree).sort()).toEqual(keys(en as Tree).sort());
    for (const tree of [en, zh] as Tree[]) {
      const walk = (t: Tree): string[] =>
        Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : walk(v)));
      expect(walk(tree).filter((s) => s.trim() === '')).toEqual([]);
    }
  });

  it('uses the console terms in Chinese', () => {
    const text = JSON.stringify(zh);
    for (const term of ['实例', '分片', '协调节点', '参数模板', '可用区', '规格', '存储', '子网', '安全组'])
      expect(text).toContain(term);
  });
});
