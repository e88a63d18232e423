import { defineConfig } from 'vitest/config';

const databaseProject = {
  globalSetup: ['packages/api/src/testing/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'rules',
          include: ['packages/rules/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['packages/api/**/*.test.ts', 'prisma/**/*.test.ts', 'test/**/*.test.ts'],
          ...databaseProject,
        },
      },
      {
        test: {
          name: 'sdk',
          include: ['packages/sdk/**/*.test.ts'],
          ...databaseProject,
        },
      },
    ],
  },
});
