import { ApiError } from '../../http/errors';
import type { EmulatorRuntime } from '../../runtime';
import { TENANT_CODES } from '../databases/contract-rules';
import type { InstanceDoc } from '../instance-model';
import { tenantsOf, type TenantDoc } from './model';

/**
 * How much of its instance a tenant may take (4.10.9).
 * - CPU/memory: a tenant's quota is a cap inside the instance's flavor, so quotas may overlap (as PDB resource
 *   limits do). The pairs offered are 1, 2, 4, … vCPUs up to the instance's, each with 4 GB or 8 GB per vCPU,
 *   as far as the instance's memory allows (the reference's example: 1 vCPU, 4 GB).
 * - Disk: quotas may not overlap. The container keeps 10 % of the volume (at least 20 GB) for itself; the
 *   rest is shared by the tenants. `remaining_disk` is what is left of it.
 */
export type TenantFlavor = { cpu: number; mem: number };

export function tenantFlavors(inst: InstanceDoc): TenantFlavor[] {
  const out: TenantFlavor[] = [];
  for (let cpu = 1; cpu <= inst.vcpus; cpu *= 2) {
    for (const perCpu of [4, 8]) {
      const mem = cpu * perCpu;
      if (mem <= inst.ram) out.push({ cpu, mem });
    }
  }
  return out;
}

export function containerReserveGb(inst: InstanceDoc): number {
  return Math.max(20, Math.ceil(inst.volume.size * 0.1));
}

/** GB still free for tenant disks, not counting `except` (a tenant whose own quota is being changed). */
export function remainingDisk(rt: EmulatorRuntime, inst: InstanceDoc, except?: string): number {
  const used = tenantsOf(rt, inst)
    .filter((t) => t.id !== except)
    .reduce((sum, t) => sum + t.disk, 0);
  return Math.max(0, inst.volume.size - containerReserveGb(inst) - used);
}

export function assertFlavorOffered(inst: InstanceDoc, cpu: number, mem: number): void {
  const offered = tenantFlavors(inst);
  if (!offered.some((f) => f.cpu === cpu && f.mem === mem)) {
    const list = offered.map((f) => `${f.cpu}/${f.mem}`).join(', ');
    throw new ApiError(
      400,
      TENANT_CODES.flavor,
      `cpu/mem: ${cpu} vCPUs with ${mem} GB is not a tenant flavor of this instance; offered cpu/mem pairs: ${list}`,
      'cpu',
    );
  }
}

/** 4.10.1: the new tenant's disk must fit in what is left. */
export function assertDiskFits(rt: EmulatorRuntime, inst: InstanceDoc, disk: number): void {
  const left = remainingDisk(rt, inst);
  if (disk > left)
    throw new ApiError(
      400,
      TENANT_CODES.disk,
      `disk: ${disk} GB is more than the ${left} GB left for tenants (remaining_disk)`,
      'disk',
    );
}

/** 4.10.4: the new total must be larger than the current quota and at most current + remaining (PDB-5). */
export function assertDiskEnlargement(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  tenant: TenantDoc,
  disk: number,
): void {
  if (disk <= tenant.disk) {
    throw new ApiError(
      400,
      TENANT_CODES.disk,
      `disk: the new size must be larger than the current ${tenant.disk} GB (a tenant's disk quota cannot shrink)`,
      'disk',
    );
  }
  // current + remaining_disk = everything tenants may use minus the other tenants' quotas.
  const ceiling = remainingDisk(rt, inst, tenant.id);
  if (disk > ceiling) {
    throw new ApiError(
      400,
      TENANT_CODES.disk,
      `disk: at most ${ceiling} GB (the current ${tenant.disk} GB plus the ${ceiling - tenant.disk} GB left for tenants)`,
      'disk',
    );
  }
}
