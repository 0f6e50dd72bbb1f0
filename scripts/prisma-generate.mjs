#!/usr/bin/env node
// `prisma generate` that works offline.
//
// Every Prisma CLI command first tries to download its schema-engine binary, and the
// download server is unreachable here. `generate` never uses that binary, and Prisma
// skips the download when PRISMA_SCHEMA_ENGINE_BINARY names an existing file, so point
// it at the node executable unless the environment already provides a real binary.
// Extra arguments are passed through: node scripts/prisma-generate.mjs --schema x.prisma
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(prismaCli)) {
  console.error(`prisma-generate: ${prismaCli} not found; run npm install first`);
  process.exit(1);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

// Same as node_modules/.bin/prisma, without depending on the shell shim.
const child = spawn(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("error", (error) => {
  console.error(`prisma-generate: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
