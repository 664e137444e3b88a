import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "..") } },
  test: {
    include: ["app/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
    environment: "node",
    root: path.resolve(import.meta.dirname, ".."),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
