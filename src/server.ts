import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { openDb } from "./db/client";
import { createLogger } from "./lib/logger";
import { closeSessionsAtClosingTime } from "./sessions/service";

function start() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(err.message + "\n");
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const db = openDb(config.databasePath);
  const app = createApp({ db, config, logger });

  const server = serve(
    { fetch: app.fetch, port: config.port, hostname: config.host },
    (info) =>
      logger.info("listening", { url: `http://${config.host}:${info.port}` }),
  );

  // Open sessions end at their area's closing time (also checked lazily).
  const closer = setInterval(() => {
    try {
      const closed = closeSessionsAtClosingTime(db, new Date());
      if (closed > 0) logger.info("sessions ended automatically", { closed });
    } catch (error) {
      // e.g. the database was busy: the next minute tries again
      logger.warn("closing sessions failed", { error: String(error) });
    }
  }, 60_000);
  closer.unref();

  const stop = (signal: string) => {
    logger.info("stopping", { signal });
    clearInterval(closer);
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

start();
