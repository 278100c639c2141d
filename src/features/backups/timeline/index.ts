export * from './zoom';
export * from './ticks';
export * from './layoutTimeline';
export * from './navigation';
export { formatUtcMinute, formatRelative } from './format';
