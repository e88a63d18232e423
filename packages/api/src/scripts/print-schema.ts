import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../edge/schema.js';

/** Writes the committed packages/api/schema.graphql (CI regenerates it and fails on a diff). */
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');
writeFileSync(target, `${printSchema(lexicographicSortSchema(schema))}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
