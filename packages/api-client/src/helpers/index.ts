export * from './paginate';
export * from './wait-for-job';
