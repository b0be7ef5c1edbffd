/**
 * Every area's behaviour, loaded for its side effects: each module registers its handlers (by operation id),
 * job effects, sweepers, collections and seed contributors when imported. To add an area, create
 * `src/domain/<area>.ts` and add one import line here.
 */
import '../auth/iam-handlers';
import './versions';
import './flavors';
import './instances';
import './recycle-bin';
import './tasks';
import './instance-ops/index';
import './databases/index';
import './tenants/index';
import './tags/index';
import './parameters/index';
import './backups/index';
import './logs/index';
import '../seed-data/demo-databases-tenants-tags';
import '../seed-data/demo-parameters';
import '../seed-data/demo-backups-logs';
