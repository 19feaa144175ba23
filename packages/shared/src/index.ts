export * from './limits';
export * from './permissions';
export * from './error-codes';
export * from './event-types';
