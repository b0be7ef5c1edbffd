/** The console's own API (BFF routes that are not GaussDB operations), shared by the BFF and the web. */
export * from './session';
export * from './errors';
export * from './events';
export * from './audit';
export * from './dashboard';
export * from './storage';
export * from './routes';
export * from './users';
export * from './tenant-hosts';
