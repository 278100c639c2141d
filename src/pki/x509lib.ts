// @peculiar/x509 2.x uses tsyringe, which needs the Reflect metadata API installed before it loads: this module
// installs it, then the library, as one lazily loaded unit.
import 'reflect-metadata';
export * from '@peculiar/x509';
