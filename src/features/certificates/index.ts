export {
  decodeCertificate,
  decodeCsr,
  CertificateDecodeError,
  type CertificateDecodeErrorCode,
  type DecodedCertificate,
  type DecodedCsr,
  type PublicKeyInfo,
  type ValidityStatus,
} from './decodeCertificate.ts';
export { verifyChain, type ChainCheck, type ChainCheckId, type ChainCheckStatus, type ChainInput } from './verifyChain.ts';
export { toPemFile } from './toPemFile.ts';
