import { z } from 'zod';
import { defineOperation } from './define';
import { withCode } from '../schema/error-codes';
import { apiVersionSchema } from '../schema/instance-schemas';
import { list, obj } from '../schema/tolerant';

export { apiVersionSchema, type ApiVersion } from '../schema/instance-schemas';

/** 4.1: API version discovery. Both paths sit at the endpoint's root, without a project (PATH-1). */
export const versionOperations = {
  listApiVersions: defineOperation({
    id: 'listApiVersions',
    section: '4.1.1',
    title: 'List API versions',
    titleZh: '查询 API 版本列表',
    area: 'versions',
    method: 'GET',
    path: '/',
    response: obj({ versions: list(apiVersionSchema) }),
    successStatus: 200,
    projectless: true,
  }),
  getApiVersion: defineOperation({
    id: 'getApiVersion',
    section: '4.1.2',
    title: 'Get an API version',
    titleZh: '查询 API 版本信息',
    area: 'versions',
    method: 'GET',
    path: '/{version}',
    pathParams: z.strictObject({
      // Case-sensitive (L540): "v3" and "v3.1" exist, "V3" does not.
      version: withCode(
        z.string({ error: 'version: required, e.g. v3 or v3.1' }).regex(/^v\d+(\.\d+)?$/, {
          message: 'version: must be an API version such as v3 or v3.1 (lower-case "v", case-sensitive)',
        }),
        'DBS.200001',
      ),
    }),
    response: obj({ version: apiVersionSchema }),
    successStatus: 200,
    projectless: true,
  }),
} as const;
