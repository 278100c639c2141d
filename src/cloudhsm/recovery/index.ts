export * from './types';
export * from './targets';
export * from './posture';
export * from './summary';
export * from './order';
