import { describe, expect, it } from 'vitest';
import { GaussDbConfigError, GaussDbValidationError } from '../../src/transport/errors';
import { buildPath, joinUrl, serializeQuery, templateQuery } from '../../src/transport/request-builder';

describe('request building', () => {
  it('fills {project_id} from the configuration and percent-encodes other params', () => {
    const path = buildPath(
      { id: 'op', path: '/v3/{project_id}/instances/{instance_id}/tags/{key}' },
      { instance_id: 'in/st 1', key: "a'b*c" },
      'proj',
    );
    expect(path).toBe('/v3/proj/instances/in%2Fst%201/tags/a%27b%2Ac');
  });

  it('names a missing path parameter', () => {
    expect(() =>
      buildPath({ id: 'op', path: '/v3/{project_id}/instances/{instance_id}' }, {}, 'proj'),
    ).toThrow(GaussDbValidationError);
  });

  it('refuses a project-scoped path without a project id', () => {
    expect(() => buildPath({ id: 'op', path: '/v3/{project_id}/instances' }, {}, undefined)).toThrow(
      GaussDbConfigError,
    );
  });

  it('serialises the query: undefined and null skipped, arrays comma-joined, RFC 3986 encoded', () => {
    expect(
      serializeQuery({
        limit: 10,
        offset: 0,
        name: undefined,
        id: null,
        tags: ['k1=v1', 'k2=v2'],
        q: 'a b*',
      }),
    ).toBe('limit=10&offset=0&tags=k1%3Dv1%2Ck2%3Dv2&q=a%20b%2A');
  });

  it('keeps fixed query pairs from a template and joins endpoints with a path prefix', () => {
    expect(templateQuery('/v3/{project_id}/jobs?id=')).toEqual({});
    expect(templateQuery('/v3/x?type=a')).toEqual({ type: 'a' });
    expect(joinUrl('http://h:1/prefix/', '/v3/p', 'a=1').href).toBe('http://h:1/prefix/v3/p?a=1');
  });
});
