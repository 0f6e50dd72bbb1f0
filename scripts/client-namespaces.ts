// Writes src/i18n/client-namespaces.ts: the message namespaces the client components of each
// area ask for (scripts/lib/client-namespaces.ts).
// Run: npm run i18n:client-namespaces (a unit test fails when the file is stale).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { computeClientNamespaces, renderClientNamespaces } from "./lib/client-namespaces";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const file = path.join(root, "src", "i18n", "client-namespaces.ts");
const options = (await resolveConfig(file)) ?? {};
writeFileSync(
  file,
  await format(renderClientNamespaces(computeClientNamespaces(root)), {
    ...options,
    filepath: file,
  }),
);
process.stdout.write("wrote src/i18n/client-namespaces.ts\n");
