/**
 * Rules of this area that the contract defines but does not re-export from its package entry point
 * (`rules-instance-ops.ts` is imported by the descriptors only). One import site, so switching to the package
 * export later is a one-line change.
 */
export {
  ADVANCED_FEATURES,
  ADVANCED_FEATURE_EDITION_CODES,
  isWeakPassword,
  type AdvancedFeatureName,
  type UpgradeAction,
  type UpgradeType,
} from '../../../../../packages/api-client/src/schema/rules-instance-ops';
