/** The certificates feature's helpers (the panel itself is loaded lazily by the cluster page). Decoding and checks live in src/pki. */
export { certificateSlots, chainInputOf, type CertificateSlot, type CertificateSlotKey } from './certificateSlots';
export { toPemFile } from './toPemFile';
export { CertificateExpiry, type CertificateExpiryProps } from './CertificateExpiry';
