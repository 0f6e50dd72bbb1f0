import { z } from "zod";

/**
 * The environment, checked once at start-up. An unset DATABASE_URL selects the embedded
 * PGlite database (the demo); a set one connects to PostgreSQL as the restricted app role.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  EVIDENCE_DIR: z.string().default(".data/evidence"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}
