import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";

/**
 * Values sealed for one agent: only the holder of the agent's private key can
 * read them, whoever else carries or stores the message (NATS, JetStream's
 * store, a control-plane process reading the stream). X25519 with a fresh key
 * per message, HKDF-SHA256, AES-256-GCM.
 *
 *   version (1) | ephemeral public key (32) | iv (12) | tag (16) | ciphertext
 */
const VERSION = 1;
const INFO = Buffer.from("berth.v1 sealed for an agent");

/** An agent's key pair for sealed values: the public half (32 bytes) travels in its registration. */
export interface SealingKeys {
  publicKey: Uint8Array;
  privateKey: KeyObject;
}

export class SealedValueError extends Error {
  override readonly name = "SealedValueError";
}

function rawPublicKey(key: KeyObject): Buffer {
  const x = key.export({ format: "jwk" }).x;
  if (!x) throw new SealedValueError("not an X25519 key");
  return Buffer.from(x, "base64url");
}

function publicKeyOf(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new SealedValueError(`an agent's sealing key is 32 bytes, got ${raw.length}`);
  return createPublicKey({ key: { kty: "OKP", crv: "X25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
}

function keyFor(secret: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.concat([ephemeral, recipient]), INFO, 32));
}

export function newSealingKeys(): SealingKeys {
  const { publicKey, privateKey } = generateKeyPairSync("x25519");
  return { publicKey: rawPublicKey(publicKey), privateKey };
}

/** The private key as PEM (PKCS#8), for the agent's own file. */
export function sealingKeyPem(keys: SealingKeys): string {
  return keys.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}

export function sealingKeysFromPem(pem: string): SealingKeys {
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}

/** Seals `plaintext` so that only the holder of the private half of `recipient` (32 bytes) can open it. */
export function seal(recipient: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const to = publicKeyOf(recipient);
  const eph = generateKeyPairSync("x25519");
  const ephRaw = rawPublicKey(eph.publicKey);
  const key = keyFor(diffieHellman({ privateKey: eph.privateKey, publicKey: to }), ephRaw, Buffer.from(recipient));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), ephRaw, iv, cipher.getAuthTag(), body]);
}

/** Opens what `seal` made for these keys; throws SealedValueError when it was sealed for another key or altered. */
export function open(keys: SealingKeys, sealed: Uint8Array): Uint8Array {
  const buf = Buffer.from(sealed);
  if (buf.length < 61 || buf[0] !== VERSION) throw new SealedValueError("not a sealed value of a version this agent reads");
  const ephRaw = buf.subarray(1, 33);
  const iv = buf.subarray(33, 45);
  const tag = buf.subarray(45, 61);
  const key = keyFor(diffieHellman({ privateKey: keys.privateKey, publicKey: publicKeyOf(ephRaw) }), ephRaw, Buffer.from(keys.publicKey));
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(buf.subarray(61)), decipher.final()]);
  } catch (err) {
    throw new SealedValueError("the sealed value was made for another agent's key, or altered", { cause: err });
  }
}
