import { StorageUsage } from '../features/dashboard/components/storage-usage';
import { InstanceDetailPage } from '../features/instances/components/instance-detail-page';
import { instanceTabs } from './instance-tabs';

/** The instance page with the tabs the other areas add (composed here, so areas never import each other). */
export function InstanceDetailRoute() {
  return <InstanceDetailPage tabs={instanceTabs} storageSlot={StorageUsage} />;
}
