/**
 * src/pki: the one certificate module. PEM in and out, decoding for display, the chain and key checks, CSR
 * matching, the InitializeCluster checks, and making certificates. Only this folder imports @peculiar/x509 or
 * parses PEM; it imports nothing else of the project. Pure, isomorphic TypeScript (WebCrypto via globalThis.crypto).
 * The library itself is loaded on first use, so importing this module costs a view little until it reads a certificate.
 */
export { PEM_LABELS, pemBlocks, readPem, toPem, type PemBlock, type PemKind, type PemProblem, type PemReading } from './pem';
export {
  certificateFileText,
  certificateToSend,
  hasTextAroundBlock,
  MAX_CERTIFICATE_FILE_BYTES,
  type FileReading,
} from './certificateText';
export {
  CertificateDecodeError,
  decodeCertificate,
  decodeCsr,
  readCertificateValidity,
  type CertificateDecodeErrorCode,
  type CertificateValidity,
  type DecodedCertificate,
  type DecodedCsr,
  type PublicKeyInfo,
  type ValidityStatus,
} from './decode';
export { verifyChain, type ChainCheck, type ChainCheckId, type ChainCheckStatus, type ChainInput } from './chain';
export {
  allChecksPass,
  INIT_CHECK_LABELS,
  initializationChecks,
  verifyInitializationCertificates,
  type InitCheck,
  type InitCheckId,
  type InitCheckStatus,
  type InitializationCertificatesInput,
} from './initializeChecks';
// Making certificates: everything issue.ts and hardwareChain.ts export (the emulator's CA and the tests build on it).
export * from './issue';
export * from './hardwareChain';
