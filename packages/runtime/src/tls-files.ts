import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A certificate authority and one certificate it signed, as files: what nats-server, the api and their clients are given. */
export interface TlsFiles {
  /** The CA's certificate: clients check servers against it. */
  caFile: string;
  certFile: string;
  keyFile: string;
}

const DEFAULT_NAMES = ["127.0.0.1", "::1", "localhost"];

function openssl(args: string[]): void {
  execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
}

/**
 * Makes a local CA in `dir` and a certificate it signs for `names` (IP
 * addresses and host names; loopback by default), with Debian's openssl. Keeps
 * the files found there from an earlier run, so clients that trust the CA go
 * on trusting it. Keys are readable by their owner only. The certificate is
 * good for both ends of TLS (servers, and nats-server's routes to its peers).
 */
export function ensureLocalCa(dir: string, names: readonly string[] = DEFAULT_NAMES): TlsFiles {
  const files: TlsFiles = { caFile: join(dir, "ca.pem"), certFile: join(dir, "server.pem"), keyFile: join(dir, "server-key.pem") };
  if (existsSync(files.caFile) && existsSync(files.certFile) && existsSync(files.keyFile)) return files;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caKey = join(dir, "ca-key.pem");
  const csr = join(dir, "server.csr");
  const ext = join(dir, "server.ext");
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(["req", "-x509", ...ec, "-keyout", caKey, "-out", files.caFile, "-days", "3650", "-subj", "/CN=Berth local CA"]);
  openssl(["req", ...ec, "-keyout", files.keyFile, "-out", csr, "-subj", "/CN=berth"]);
  const san = names.map((n) => (/^[0-9.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(",");
  writeFileSync(ext, `subjectAltName=${san}\nextendedKeyUsage=serverAuth,clientAuth\n`);
  openssl([
    "x509",
    "-req",
    "-in",
    csr,
    "-CA",
    files.caFile,
    "-CAkey",
    caKey,
    "-CAcreateserial",
    "-out",
    files.certFile,
    "-days",
    "825",
    "-extfile",
    ext,
  ]);
  rmSync(csr);
  rmSync(ext);
  return files;
}

/** nats-server's TLS settings for these files, as a block: the client port's, or a cluster's routes' (peers checked against the CA). */
export function natsTlsBlock(files: TlsFiles): string {
  const q = JSON.stringify;
  return `{ cert_file: ${q(files.certFile)}, key_file: ${q(files.keyFile)}, ca_file: ${q(files.caFile)}, timeout: 5 }`;
}

/** nats-server's top-level `tls` setting for these files: every client connection must be TLS. */
export function natsTlsConfig(files: TlsFiles): string {
  return `tls: ${natsTlsBlock(files)}\n`;
}
