import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the SDK come from the committed API schema and the operation documents in
 * src/operations. Output in src/_generated is never edited by hand: run `pnpm generate`.
 */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/_generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        futureProofEnums: false,
        skipTypename: false,
        avoidOptionals: false,
        defaultScalarType: 'unknown',
        scalars: {
          DateTime: { input: 'string | Date', output: 'string' },
          JSON: { input: 'unknown', output: 'unknown' },
          ID: { input: 'string', output: 'string' },
        },
      },
    },
  },
};

export default config;
