import { createTestKit, type TestKit, type TestTenant } from '../../../api/src/testing/test-kit.js';
import { type ClientOptions, createClient, type EscalateClient } from '../index.js';

export interface SdkTestEnv {
  kit: TestKit;
  url: string;
  tenant: TestTenant;
  /** a client for one of the tenant's users (default tier2), over real HTTP */
  client(user?: string, options?: Partial<ClientOptions>): EscalateClient;
  close(): Promise<void>;
}

/** The real API on a real port over the test database, with a fresh tenant. */
export async function startSdkTestEnv(template = 'care'): Promise<SdkTestEnv> {
  const kit = await createTestKit();
  const server = await kit.listen();
  const tenant = await kit.createTenant(template);
  return {
    kit,
    url: server.url,
    tenant,
    client(user = 'tier2', options = {}) {
      const apiKey = tenant.keys[user];
      if (!apiKey) throw new Error(`no user ${user} in ${template}`);
      return createClient({ url: server.url, apiKey, retryBaseDelayMs: 20, ...options });
    },
    async close() {
      await server.close();
      await kit.close();
    },
  };
}
