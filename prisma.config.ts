import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// The native schema engine cannot be downloaded in every environment; the CLI runs our
// bridge to the WASM build of the same engine instead (see prisma/schema-engine.mjs).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, 'prisma/schema-engine.mjs');

export default defineConfig({
  schema: path.join(root, 'prisma/schema'),
  migrations: { path: path.join(root, 'prisma/migrations') },
  datasource: {
    // `prisma generate` needs no database; every other command uses DATABASE_URL.
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/escalate',
  },
});
