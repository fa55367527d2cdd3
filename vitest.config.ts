import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/helpers/lua-multi.ts"],
    testTimeout: 30000,
    hookTimeout: 120000,
    // e2e beds share kernel state (namespaces): never run test files concurrently there
    fileParallelism: true,
  },
});
