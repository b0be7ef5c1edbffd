import type { Project } from '../auth/projects';
import { ApiError } from '../http/errors';
import { registerHandler } from '../http/handlers';
import type { HaMode } from './instance-model';
import { EARLIER_VERSIONS, matchVersion, VERSIONS } from './engine-versions';

/**
 * The flavor (spec) catalogue: §6.6 of the reference (catalog part C) plus the spec codes its examples use.
 * Distributed specs end in `.in`, centralized ones in `.ha`; `arm`/`km1` codes are Kunpeng (ARM).
 */
export interface Flavor {
  spec_code: string;
  vcpus: number;
  ram: number;
  modes: readonly HaMode[];
  group_type: 'normal' | 'normal2' | 'armFlavors';
  arch: 'x86' | 'arm';
}

const DISTRIBUTED: readonly HaMode[] = ['enterprise', 'combined'];
const CENTRALIZED: readonly HaMode[] = ['centralization_standard'];

export const FLAVORS: readonly Flavor[] = [
  {
    spec_code: 'gaussdb.opengauss.ee.dn.m6.large.8.in',
    vcpus: 2,
    ram: 16,
    modes: DISTRIBUTED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.dn.c3.2xlarge.x864.in',
    vcpus: 8,
    ram: 32,
    modes: DISTRIBUTED,
    group_type: 'normal',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in',
    vcpus: 8,
    ram: 64,
    modes: DISTRIBUTED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.dn.c3.4xlarge.x864.in',
    vcpus: 16,
    ram: 64,
    modes: DISTRIBUTED,
    group_type: 'normal',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.dn.m6.4xlarge.8.in',
    vcpus: 16,
    ram: 128,
    modes: DISTRIBUTED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.dn.c3.8xlarge.x864.in',
    vcpus: 32,
    ram: 128,
    modes: DISTRIBUTED,
    group_type: 'normal',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.dn.m6.8xlarge.8.in',
    vcpus: 32,
    ram: 256,
    modes: DISTRIBUTED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.dn.c3.16xlarge.x864.in',
    vcpus: 64,
    ram: 256,
    modes: DISTRIBUTED,
    group_type: 'normal',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.dn.m6.16xlarge.8.in',
    vcpus: 64,
    ram: 512,
    modes: DISTRIBUTED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.m6.xlarge.x868.ha',
    vcpus: 4,
    ram: 32,
    modes: CENTRALIZED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
    vcpus: 8,
    ram: 64,
    modes: CENTRALIZED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha',
    vcpus: 16,
    ram: 128,
    modes: CENTRALIZED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.m6.8xlarge.x868.ha',
    vcpus: 32,
    ram: 256,
    modes: CENTRALIZED,
    group_type: 'normal2',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.c3.2xlarge.x864.ha',
    vcpus: 8,
    ram: 32,
    modes: CENTRALIZED,
    group_type: 'normal',
    arch: 'x86',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.km1.2xlarge.arm8.ha',
    vcpus: 8,
    ram: 64,
    modes: CENTRALIZED,
    group_type: 'armFlavors',
    arch: 'arm',
  },
  {
    spec_code: 'gaussdb.opengauss.ee.km1.4xlarge.arm8.ha',
    vcpus: 16,
    ram: 128,
    modes: CENTRALIZED,
    group_type: 'armFlavors',
    arch: 'arm',
  },
];

// Engine versions live in ./engine-versions.ts; re-exported for the areas that read them with the flavors.
export { compareVersions, completeVersion, LATEST_VERSION, VERSIONS } from './engine-versions';

export function findFlavor(spec: string): Flavor | undefined {
  return FLAVORS.find((f) => f.spec_code === spec);
}

/** AZ availability of a flavor in a project's region: the region's sold-out AZ is `sellout`; ARM is not in the third AZ. */
export function azStatus(
  flavor: Flavor,
  project: Project,
): Record<string, 'normal' | 'sellout' | 'unsupported'> {
  const out: Record<string, 'normal' | 'sellout' | 'unsupported'> = {};
  project.azs.forEach((az, i) => {
    out[az] =
      az === project.soldOutAz ? 'sellout' : flavor.arch === 'arm' && i === 2 ? 'unsupported' : 'normal';
  });
  return out;
}

function flavorRow(f: Flavor, version: string, project: Project) {
  const status = azStatus(f, project);
  const azs = Object.keys(status).filter((az) => status[az] !== 'unsupported');
  azs.sort((a, b) => Number(status[a] !== 'normal') - Number(status[b] !== 'normal'));
  return {
    vcpus: String(f.vcpus),
    ram: String(f.ram),
    spec_code: f.spec_code,
    availability_zone: azs,
    az_status: status,
    version,
    name: 'GaussDB',
    group_type: f.group_type,
  };
}

const projectOf = (p: Project | undefined): Project => {
  if (!p) throw new ApiError(403, 'DBS.280056', 'Invalid token.');
  return p;
};

registerHandler('listFlavors', (ctx) => {
  const q = ctx.query;
  const project = projectOf(ctx.project);
  const mode = q.ha_mode?.toLowerCase();
  const rows = FLAVORS.filter((f) => !mode || f.modes.includes(mode as HaMode))
    .filter((f) => !q.spec_code || f.spec_code === q.spec_code)
    // Flavors are sold for the offered versions; a query naming an earlier line (or another spelling) matches as EMU-12 says.
    .flatMap((f) =>
      VERSIONS.filter((v) => !q.version || matchVersion(q.version)?.line === v).map((v) =>
        flavorRow(f, v, project),
      ),
    );
  const offset = Number(q.offset ?? 0);
  const limit = Number(q.limit ?? 100);
  return { flavors: rows.slice(offset, offset + limit), total: rows.length };
});

registerHandler('listDatastoreVersions', () => ({ versions: [...VERSIONS] }));

registerHandler('listDatastores', () => ({
  datastores: [{ instance_mode: 'ha', supported_versions: [...VERSIONS] }],
}));

registerHandler('listStorageTypes', (ctx) => {
  const q = ctx.query;
  const project = projectOf(ctx.project);
  if (q.version && !matchVersion(q.version)) {
    throw new ApiError(
      400,
      'DBS.200040',
      `The DB engine or version is not supported: ${q.version}; supported: ${[...VERSIONS, ...EARLIER_VERSIONS].join(', ')}.`,
      'version',
    );
  }
  const az_status: Record<string, string> = {};
  for (const az of project.azs) az_status[az] = az === project.soldOutAz ? 'sellout' : 'normal';
  return {
    storage_type: [
      { name: 'ULTRAHIGH', az_status, support_compute_group_type: ['normal', 'normal2', 'armFlavors'] },
    ],
  };
});
