import { serve, type ServerType } from "@hono/node-server";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { createApp } from "../../../src/app";
import { testConfig, type Config } from "../../../src/config";
import { openDb, type Db } from "../../../src/db/client";
import { createLogger } from "../../../src/lib/logger";

export type TestServer = {
  url: string;
  db: Db;
  config: Config;
  close: () => Promise<void>;
};

/** The real app on 127.0.0.1 (a free port) over a temporary SQLite file. */
export async function startServer(
  overrides: Partial<Config> = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "shoppass-e2e-"));
  const db = openDb(join(dir, "shop.db"));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      { fetch: (req) => app.fetch(req), port: 0, hostname: "127.0.0.1" },
      () => resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const config = testConfig({ publicUrl: url, port, ...overrides });
  const app = createApp({ db, config, logger: createLogger("silent") });

  return {
    url,
    db,
    config,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
