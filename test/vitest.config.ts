import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/support/setup.ts"],
    // generous: browser tests share two cores with everything else
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // e2e files start Chromium; keep them from fighting over two cores
    fileParallelism: true,
    maxWorkers: 2,
  },
});
