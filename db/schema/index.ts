export * from './auth';
export * from './access';
export * from './catalog';
export * from './settings';
export * from './inventory';
export * from './imports';
export * from './stocktake';
