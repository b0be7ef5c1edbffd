/**
 * The IAM world the emulator simulates: one domain (account), one user, two projects (a main region and a
 * disaster-recovery region) and one AK/SK pair. Ids are fixed so docs, demos and tests can quote them.
 */
export interface Project {
  id: string;
  /** Huawei names a region's default project after the region. */
  name: string;
  region: string;
  role: 'main' | 'dr';
  /** Availability zones of the region, in display order. */
  azs: readonly string[];
  /** An AZ that exists but where flavors are sold out (`az_status: sellout`). */
  soldOutAz: string;
}

export const PROJECTS: readonly Project[] = [
  {
    id: '0483b6b16e954cb88930a360d2c4e663',
    name: 'region-1',
    region: 'region-1',
    role: 'main',
    azs: ['az1xahz', 'az2xahz', 'az3xahz', 'az4xahz'],
    soldOutAz: 'az4xahz',
  },
  {
    id: '9a3f1c2e7b5d4e8f8c6a2b1d0e9f7a35',
    name: 'region-2',
    region: 'region-2',
    role: 'dr',
    azs: ['az1xdr', 'az2xdr', 'az3xdr'],
    soldOutAz: 'az3xdr',
  },
];

export interface Credentials {
  domain: string;
  domainId: string;
  user: string;
  userId: string;
  password: string;
  ak: string;
  sk: string;
}

export const DEFAULT_CREDENTIALS: Credentials = {
  domain: 'gaussdb-console',
  domainId: '7c1e4f0a2b3d4c5e8f9a0b1c2d3e4f50',
  user: 'gaussdb-admin',
  userId: 'b5a1c2d3e4f5061728394a5b6c7d8e9f',
  password: 'Emulator@2026!',
  ak: 'EMULATORAK0GAUSSDB001',
  sk: 'emulatorSK0gaussdb0local0only0000000000a1',
};

export function projectById(id: string | undefined): Project | undefined {
  return PROJECTS.find((p) => p.id === id);
}

export function projectByName(name: string | undefined): Project | undefined {
  return PROJECTS.find((p) => p.name === name);
}
