/** The CloudHSM domain, shared by the browser, the server and the emulator: pure data and functions. */
export * from './health';
export * from './regions';
export * from './states';
export * from './status';
export * from './api';
