/** An absolute path with no ".", ".." or empty segments: the only form Berth compares, so none needs normalising. */
export function isCleanAbsolutePath(path: string): boolean {
  if (path === "/") return true;
  return (
    path.startsWith("/") &&
    path
      .slice(1)
      .split("/")
      .every((s) => s !== "" && s !== "." && s !== "..")
  );
}
