const COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
const DOMAIN_PART = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)";
const DOMAIN = `${DOMAIN_PART}(?:\\.${DOMAIN_PART})*(?::[0-9]{1,5})?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${COMPONENT}(?:/${COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** Checks a Docker image reference against Distribution's grammar; returns why it is wrong, or undefined. */
export function imageReferenceError(image: string): string | undefined {
  if (image.length === 0) return "image must not be empty";
  if (image.length > 512) return "image reference must be at most 512 characters";
  const m = REFERENCE.exec(image);
  if (!m) {
    if (/\s/.test(image)) return `image '${image}' must not contain whitespace`;
    if (/[A-Z]/.test(image.split(":")[0] ?? "")) return `image '${image}': repository names must be lower case`;
    return `image '${image}' is not a valid reference: expected [registry/]name[:tag][@digest]`;
  }
  const [, domain, path] = m;
  // Without a dot, a colon or "localhost", the first component is part of the path, and paths are lower case.
  if (domain && !/[.:]/.test(domain) && domain !== "localhost" && domain !== domain.toLowerCase()) {
    return `image '${image}': repository names must be lower case`;
  }
  if ((domain?.length ?? 0) + (path?.length ?? 0) > 255) return "image name must be at most 255 characters";
  return undefined;
}
