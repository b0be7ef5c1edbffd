export * from './operations/index';
export * from './schema/tolerant';
export * from './schema/rules';
export * from './schema/error-codes';
