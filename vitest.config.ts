import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // Next's guard module throws outside a React Server Component bundle; tests import server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/setup/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          sequence: { groupOrder: 0 },
          environment: "node",
          // A few rules tests evaluate large generated inputs (about a second on a quiet machine);
          // the default 5 s is too tight when the machine is busy with a build beside them.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          sequence: { groupOrder: 1 },
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two workers keep a 2-core machine busy without thrashing.
          maxWorkers: 2,
        },
      },
    ],
  },
});
