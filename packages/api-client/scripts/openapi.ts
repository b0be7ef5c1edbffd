// Writes docs/openapi.json (OpenAPI 3.1) from the descriptors. Run: npm run openapi -w packages/api-client
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from '../src/openapi';
import { operationList } from '../src/operations/index';

const here = path.dirname(fileURLToPath(import.meta.url));
export const openApiFile = path.resolve(here, '../../../docs/openapi.json');
export const renderOpenApi = () => JSON.stringify(buildOpenApi(operationList), null, 2) + '\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(openApiFile, renderOpenApi());
  console.log(`wrote ${path.relative(process.cwd(), openApiFile)} (${operationList.length} operations)`);
}
