import type { Instance } from '@gaussdb-console/api-client/browser';

/** The AZs the instance runs in: its nodes' (where they really are), else the comma-separated `availability_zone`. */
export function instanceAzs(instance: Pick<Instance, 'availability_zone' | 'nodes'>): string[] {
  const fromNodes = (instance.nodes ?? []).map((n) => n.availability_zone).filter((az): az is string => !!az);
  const list =
    fromNodes.length > 0 ? fromNodes : (instance.availability_zone ?? '').split(',').map((s) => s.trim());
  return [...new Set(list.filter(Boolean))];
}
