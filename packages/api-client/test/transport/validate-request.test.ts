import { describe, expect, it } from 'vitest';
import { GaussDbValidationError } from '../../src/transport/errors';
import { validateRequest } from '../../src/transport/validate-request';
import { createThing, getThing } from './fixtures';

describe('request validation', () => {
  it('names every failing field with its location', () => {
    let error: unknown;
    try {
      validateRequest(createThing, { body: { name: 'ab', extra: 1 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GaussDbValidationError);
    const issues = (error as GaussDbValidationError).issues;
    expect(issues.map((i) => `${i.location}:${i.field}`)).toEqual(expect.arrayContaining(['body:name']));
    expect((error as Error).message).toMatch(/^createThing: invalid request: body\.name: /);
  });

  it('reports a required path param left out', () => {
    expect(() => validateRequest(getThing, {})).toThrow(/path\.thing_id/);
  });

  it('returns the parsed values that will be sent', () => {
    expect(validateRequest(getThing, { path: { thing_id: 'x' } })).toEqual({
      path: { thing_id: 'x' },
      query: {},
      body: undefined,
    });
  });
});
