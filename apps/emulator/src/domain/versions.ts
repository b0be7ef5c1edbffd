import { ApiError } from '../http/errors';
import { registerHandler } from '../http/handlers';

/** 4.1.x: the API versions this endpoint serves (no authentication, like the real root). */
const VERSIONS = [
  { id: 'v3', links: [], status: 'CURRENT', version: '', min_version: '', updated: '2017-02-07T17:34:02Z' },
  { id: 'v3.1', links: [], status: 'CURRENT', version: '', min_version: '', updated: '2017-02-07T17:34:02Z' },
];

registerHandler('listApiVersions', () => ({ versions: VERSIONS }));

registerHandler('getApiVersion', (ctx) => {
  const { version } = ctx.path;
  // Case-sensitive (4.1.2): `V3` is not `v3`.
  const found = VERSIONS.find((v) => v.id === version);
  if (!found)
    throw new ApiError(404, 'APIGW.0101', `The API version does not exist: ${version} (available: v3, v3.1)`);
  return { version: found };
});
