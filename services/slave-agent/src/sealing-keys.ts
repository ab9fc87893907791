import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { newSealingKeys, type SealingKeys, sealingKeyPem, sealingKeysFromPem } from "@berth/bus";

/**
 * The agent's keys for the secrets its tasks get: made on its first start and
 * kept in its work dir (`sealing-key.pem`, readable by its owner only), so a
 * launch sealed before a restart still opens after it.
 */
export function loadSealingKeys(workDir: string): SealingKeys {
  const file = join(workDir, "sealing-key.pem");
  try {
    return sealingKeysFromPem(readFileSync(file, "utf8"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  mkdirSync(workDir, { recursive: true, mode: 0o700 });
  const keys = newSealingKeys();
  writeFileSync(`${file}.tmp`, sealingKeyPem(keys), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return keys;
}
