/** The server's test helpers. */
export * from './http';
export * from './servers';
