/** The CloudHSM domain, shared by the browser, the server and the emulator: pure data and functions. */
export * from './api';
export * from './clip';
export * from './constraints';
export * from './expiry';
export * from './health';
export * from './ids';
export * from './names';
export * from './operations';
export * from './protocol';
export * from './regions';
export * from './rules';
export * from './states';
export * from './status';
