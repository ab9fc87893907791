import type { Container, Volume } from "./app-definition.js";
import { readPortMappings } from "./app-networking.js";
import { type Checker, opt } from "./checker.js";
import { imageReferenceError } from "./docker-image.js";
import { dockerOptions } from "./docker-parameters.js";
import { isCleanAbsolutePath } from "./paths.js";
import { REDACTED } from "./redaction.js";

const CONTAINER_FIELDS = new Set(["type", "docker", "volumes", "portMappings"]);
const DOCKER_FIELDS = new Set(["image", "forcePullImage", "privileged", "parameters", "pullConfig", "portMappings", "network"]);

/** An app's `container`, read from an untrusted definition: Docker only, every field checked, none dropped. */
export function readContainer(c: Checker, value: unknown): Container | undefined {
  const obj = c.object("/container", value);
  if (!obj) return undefined;
  // Refused, never dropped: a field Berth would silently ignore changes what runs.
  for (const key of Object.keys(obj)) if (!CONTAINER_FIELDS.has(key)) c.fail(`/container/${key}`, "is not a field of a container");
  if (obj.type !== undefined && obj.type !== "DOCKER") {
    c.fail("/container/type", "only DOCKER containers are supported");
  }
  const docker = c.object("/container/docker", obj.docker);
  if (!docker) return undefined;
  for (const key of Object.keys(docker)) {
    if (!DOCKER_FIELDS.has(key)) c.fail(`/container/docker/${key}`, "is not a field of container.docker");
  }
  const image = c.string("/container/docker/image", docker.image, { nonEmpty: true, maxLength: 512 });
  if (image !== undefined) {
    const err = imageReferenceError(image);
    if (err) c.fail("/container/docker/image", err);
  }
  const container: Container = {
    type: "DOCKER",
    docker: {
      image: image ?? "",
      forcePullImage: opt(docker.forcePullImage, (v) => c.boolean("/container/docker/forcePullImage", v)) ?? false,
      privileged: opt(docker.privileged, (v) => c.boolean("/container/docker/privileged", v)) ?? false,
      parameters: opt(docker.parameters, (v) => readParameters(c, v)) ?? [],
    },
    volumes: opt(obj.volumes, (v) => readVolumes(c, v)) ?? [],
  };
  const pull = opt(docker.pullConfig, (v) => readPullConfig(c, v));
  if (pull) container.docker.pullConfig = pull;
  const mappings = opt(obj.portMappings ?? docker.portMappings, (v) => readPortMappings(c, v));
  if (mappings) container.portMappings = mappings;
  return container;
}

function readParameters(c: Checker, value: unknown): { key: string; value: string }[] | undefined {
  const list = c.array("/container/docker/parameters", value, 100);
  return list?.flatMap((item, i) => {
    const path = `/container/docker/parameters/${i}`;
    const obj = c.object(path, item);
    if (!obj) return [];
    const key = c.string(`${path}/key`, obj.key, { nonEmpty: true, maxLength: 255 });
    const val = c.string(`${path}/value`, obj.value, { maxLength: 4096 });
    if (key === undefined || val === undefined) return [];
    const read = dockerOptions([{ key, value: val }]);
    if (!read.ok) for (const e of read.errors) c.fail(path, e.error);
    return [{ key, value: val }];
  });
}

function readVolumes(c: Checker, value: unknown): Volume[] | undefined {
  const list = c.array("/container/volumes", value, 100);
  return list?.flatMap((item, i) => {
    const path = `/container/volumes/${i}`;
    const obj = c.object(path, item);
    if (!obj) return [];
    const containerPath = c.string(`${path}/containerPath`, obj.containerPath, { nonEmpty: true, maxLength: 4096 });
    const mode = opt(obj.mode, (v) => c.enumOf<"RO" | "RW">(`${path}/mode`, v, ["RO", "RW"])) ?? "RW";
    const hostPath = opt(obj.hostPath, (v) => c.string(`${path}/hostPath`, v, { nonEmpty: true, maxLength: 4096 }));
    if (containerPath !== undefined && !isCleanAbsolutePath(containerPath)) {
      c.fail(`${path}/containerPath`, "must be an absolute path without '.', '..' or empty segments");
    }
    if (hostPath !== undefined && !isCleanAbsolutePath(hostPath)) {
      c.fail(`${path}/hostPath`, "must be an absolute path without '.', '..' or empty segments");
    }
    if (containerPath === undefined) return [];
    return [hostPath === undefined ? { containerPath, mode } : { containerPath, hostPath, mode }];
  });
}

/** Registry credentials for the image pull: Berth takes them inline (Marathon referred to a secret). */
function readPullConfig(c: Checker, value: unknown): { username: string; password: string; serveraddress?: string } | undefined {
  const p = "/container/docker/pullConfig";
  const obj = c.object(p, value);
  if (!obj) return undefined;
  if (obj.secret !== undefined) {
    c.fail(`${p}/secret`, "secret references are not supported: give username and password (and serveraddress) instead");
    return undefined;
  }
  const username = c.string(`${p}/username`, obj.username, { nonEmpty: true, maxLength: 255 });
  const password = c.string(`${p}/password`, obj.password, { maxLength: 4096 });
  const server = opt(obj.serveraddress, (v) => c.string(`${p}/serveraddress`, v, { nonEmpty: true, maxLength: 255 }));
  if (password === REDACTED) c.fail(`${p}/password`, `'${REDACTED}' stands for a stored password, and there is none: give it`);
  if (username === undefined || password === undefined) return undefined;
  return server === undefined ? { username, password } : { username, password, serveraddress: server };
}
