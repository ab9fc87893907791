import { defineConfig } from "vite";

// The api serves the bundle at /ui/; the build goes to dist/, never into git.
export default defineConfig({
  base: "/ui/",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
