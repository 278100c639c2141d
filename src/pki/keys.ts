/** Public keys: what a key is (for display), whether two keys are the same, and which keys CloudHSM accepts. */
import type * as X509 from '@peculiar/x509';
import { bytesEqual } from './x509';

export interface PublicKeyInfo {
  /** 'RSA', 'RSA-PSS', 'EC', 'Ed25519', …, or the algorithm OID when the library does not know it. */
  algorithm: string;
  /** Key size in bits (RSA modulus length, EC curve size); null when unknown. */
  size: number | null;
  /** Named curve for EC keys ('P-256', …), otherwise null. */
  curve: string | null;
  /** Display text: 'RSA 2048', 'EC P-256', 'Ed25519'. */
  description: string;
}

type KeyAlgorithm = Algorithm & { modulusLength?: unknown; namedCurve?: unknown };

const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521, 'K-256': 256 };

export function describePublicKey(key: X509.PublicKey): PublicKeyInfo {
  const alg = key.algorithm as KeyAlgorithm;
  if (typeof alg.modulusLength === 'number') {
    const family = alg.name === 'RSA-PSS' ? 'RSA-PSS' : 'RSA';
    return { algorithm: family, size: alg.modulusLength, curve: null, description: `${family} ${alg.modulusLength}` };
  }
  if (typeof alg.namedCurve === 'string') {
    const curve = alg.namedCurve;
    return { algorithm: 'EC', size: CURVE_BITS[curve] ?? null, curve, description: `EC ${curve}` };
  }
  if (alg.name === 'Ed25519' || alg.name === 'X25519') {
    return { algorithm: alg.name, size: 256, curve: null, description: alg.name };
  }
  if (alg.name === 'Ed448' || alg.name === 'X448') {
    return { algorithm: alg.name, size: 448, curve: null, description: alg.name };
  }
  return { algorithm: alg.name, size: null, curve: null, description: alg.name };
}

/** 'RSA with SHA-256', 'RSA-PSS with SHA-384', 'ECDSA with SHA-256', 'Ed25519', or the OID when unknown. */
export function describeSignatureAlgorithm(alg: Algorithm & { hash?: unknown }): string {
  const hash =
    typeof alg.hash === 'string'
      ? alg.hash
      : alg.hash && typeof (alg.hash as { name?: unknown }).name === 'string'
        ? (alg.hash as { name: string }).name
        : null;
  const family = alg.name === 'RSASSA-PKCS1-v1_5' ? 'RSA' : alg.name;
  return hash ? `${family} with ${hash}` : family;
}

/** Both public keys (SubjectPublicKeyInfo) are byte for byte the same. */
export function sameKey(a: X509.PublicKey, b: X509.PublicKey): boolean {
  return bytesEqual(new Uint8Array(a.rawData), new Uint8Array(b.rawData));
}

/**
 * The keys InitializeCluster accepts in the signed certificate and the trust anchor: RSA 2048 or 4096 (an
 * rsaEncryption key, which the library reads as RSASSA-PKCS1-v1_5; RSA-PSS or RSA-OAEP keys are refused).
 */
export function isInitializationKey(key: X509.PublicKey): boolean {
  const alg = key.algorithm as KeyAlgorithm;
  return alg.name === 'RSASSA-PKCS1-v1_5' && (alg.modulusLength === 2048 || alg.modulusLength === 4096);
}

/** How InitializeCluster names a key it refuses: 'RSA 1024', 'EC (P-256)', or the algorithm's name. */
export function initializationKeyText(key: X509.PublicKey): string {
  const alg = key.algorithm as KeyAlgorithm;
  if (alg.name === 'RSASSA-PKCS1-v1_5' && typeof alg.modulusLength === 'number') return `RSA ${alg.modulusLength}`;
  if (typeof alg.namedCurve === 'string') return `EC (${alg.namedCurve})`;
  return alg.name;
}
