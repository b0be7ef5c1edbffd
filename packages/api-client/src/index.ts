export * from './operations/index';
export * from './schema/tolerant';
export * from './schema/rules';
export * from './schema/error-codes';
export * from './bff-routes';
export * from './transport/index';
export * from './client';
export * from './helpers/index';
