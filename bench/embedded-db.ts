/** The embedded database (PGlite behind its wire server) in a process of its own; reports its URL over IPC. */
import { startEmbeddedDatabase } from '../packages/api/src/db/embedded-database.js';

const database = await startEmbeddedDatabase({ maxConnections: 100 });
process.send?.({ url: database.url });
process.on('SIGTERM', () => {
  void database.stop().then(() => process.exit(0));
});
