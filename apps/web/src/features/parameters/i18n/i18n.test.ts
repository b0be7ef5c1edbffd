import { describe, expect, it } from 'vitest';
import sharedEn from '../../../shared/i18n/parameters/en.json';
import sharedZh from '../../../shared/i18n/parameters/zh-CN.json';
import en from './en.json';
import zh from './zh-CN.json';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
/** Plural forms differ by language (English has _one, Chinese only _other): compare the keys without them. */
const words = (t: Tree) => [...new Set(keys(t).map((k) => k.replace(/_(zero|one|other)$/, '')))].sort();
const strings = (t: Tree): string[] =>
  Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)));

describe('parameters strings', () => {
  it.each([
    ['the parameters pages', en, zh],
    ['the staged-edit component', sharedEn, sharedZh],
  ])('%s have the same keys in English and Chinese, none empty', (_what, a, b) => {
    expect(words(b as Tree)).toEqual(words(a as Tree));
    for (const tree of [a, b] as Tree[]) expect(strings(tree).filter((s) => s.trim() === '')).toEqual([]);
  });

  it('uses the console’s Chinese terms', () => {
    const text = JSON.stringify([zh, sharedZh]);
    for (const term of ['参数模板', '实例', '重启', '默认值', '应用记录']) expect(text).toContain(term);
  });
});
