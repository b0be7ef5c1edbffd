import { describe, expect, it } from 'vitest';
import { checkValue, parseNumberRange, parseOptions, rangeText, ruleOf, sameValue } from './parameter-rules';

describe('parameter rules from type and value_range', () => {
  it('reads number ranges, negative bounds and exponents included', () => {
    expect(parseNumberRange('0-2097151')).toEqual({ min: 0, max: 2097151 });
    expect(parseNumberRange('-1-2147483647')).toEqual({ min: -1, max: 2147483647 });
    expect(parseNumberRange('-100-100')).toEqual({ min: -100, max: 100 });
    expect(parseNumberRange('0-1.79769e+308')).toEqual({ min: 0, max: 1.79769e308 });
    expect(parseNumberRange('[1, 100]')).toEqual({ min: 1, max: 100 });
    expect(parseNumberRange('|on|off')).toBeUndefined();
    expect(parseNumberRange('9-1')).toBeUndefined();
  });

  it('reads enumerations with or without a leading bar', () => {
    expect(parseOptions('|s1|s2|s3')).toEqual(['s1', 's2', 's3']);
    expect(parseOptions('on|off')).toEqual(['on', 'off']);
    expect(parseOptions('1-10')).toEqual([]);
  });

  it('refuses a non-integer, an out-of-range number and an empty value for an integer', () => {
    const rule = ruleOf({ type: 'integer', range: '10-262143' });
    expect(checkValue(rule, 'abc').problem?.key).toBe('integer');
    expect(checkValue(rule, '12.5').problem?.key).toBe('integer');
    expect(checkValue(rule, '9').problem).toEqual({ key: 'below', values: { min: 10 } });
    expect(checkValue(rule, '262144').problem).toEqual({ key: 'above', values: { max: 262143 } });
    expect(checkValue(rule, '').problem?.key).toBe('empty');
    expect(checkValue(rule, ' 6000 ')).toEqual({ normalised: '6000' });
  });

  it('accepts decimals and exponents for a float, within its range', () => {
    const rule = ruleOf({ type: 'float', range: '0-1' });
    expect(checkValue(rule, '0.9')).toEqual({ normalised: '0.9' });
    expect(checkValue(rule, '5e-1')).toEqual({ normalised: '5e-1' });
    expect(checkValue(rule, '1.5').problem?.key).toBe('above');
    expect(checkValue(rule, 'half').problem?.key).toBe('number');
  });

  it('takes every spelling of a boolean and stores on or off', () => {
    const rule = ruleOf({ type: 'boolean', range: '|on|off' });
    expect(checkValue(rule, 'TRUE')).toEqual({ normalised: 'on' });
    expect(checkValue(rule, '0')).toEqual({ normalised: 'off' });
    expect(checkValue(rule, 'maybe').problem?.key).toBe('choice');
  });

  it('checks an enumeration case-insensitively and a list item by item', () => {
    const choice = ruleOf({ type: 'string', range: '|none|ddl|mod|all' });
    expect(checkValue(choice, 'DDL')).toEqual({ normalised: 'ddl' });
    expect(checkValue(choice, 'some').problem).toEqual({
      key: 'choice',
      values: { options: 'none, ddl, mod, all' },
    });
    const list = ruleOf({ type: 'list', range: '|a|b|c' });
    expect(checkValue(list, 'a, C')).toEqual({ normalised: 'a,c' });
    expect(checkValue(list, 'a,d').problem?.key).toBe('listItem');
    expect(checkValue(list, 'a,a').problem?.key).toBe('listTwice');
    expect(checkValue(list, '')).toEqual({ normalised: '' });
  });

  it('leaves free text to the server', () => {
    expect(ruleOf({ type: 'string', range: '' })).toEqual({ kind: 'text' });
    expect(checkValue({ kind: 'text' }, ' PRC ')).toEqual({ normalised: 'PRC' });
  });

  it('compares values by their meaning and says the range in words', () => {
    expect(sameValue(ruleOf({ type: 'float', range: '0-10' }), '1.0', '1')).toBe(true);
    expect(sameValue(ruleOf({ type: 'boolean' }), 'ON', 'on')).toBe(true);
    expect(sameValue(ruleOf({ type: 'integer' }), '1', '2')).toBe(false);
    expect(rangeText(ruleOf({ type: 'integer', range: '0-3' }), '0-3')).toBe('0 – 3');
    expect(rangeText(ruleOf({ type: 'boolean', range: '|on|off' }), '|on|off')).toBe('on, off');
  });
});
