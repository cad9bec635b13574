// `npm run shop -- <command>`: the shop's command line. To add a command,
// write a module under commands/ and add one line to `commands` below.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ZodError } from "zod";
import { ConfigError, loadConfig, type Config } from "../config";
import { openDb, type Db } from "../db/client";
import { DomainError } from "../lib/errors";
import { CliError, type CliIo, type Command } from "./command";
import { checkCommand } from "./commands/check";
import { credentialCommand } from "./commands/credential";
import { demoCommand } from "./commands/demo";
import { deviceAddCommand } from "./commands/device-add";
import { helpCommand } from "./commands/help";
import { importCommand } from "./commands/import";
import { migrateCommand } from "./commands/migrate";
import { userAddCommand } from "./commands/user-add";

export const commands: Command[] = [
  helpCommand(() => commands),
  migrateCommand,
  userAddCommand,
  importCommand,
  demoCommand,
  checkCommand,
  credentialCommand,
  deviceAddCommand,
];

/** Runs one command line and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name = "help", ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`Unknown command "${name}". Try: npm run shop -- help\n`);
    return 1;
  }

  try {
    return (await command.run(args, io)) ?? 0;
  } catch (error) {
    const message = expectedMessage(error);
    if (message === null) throw error;
    io.stderr.write(`${message}\n`);
    if (error instanceof CliError && error.usage) {
      io.stderr.write(`Usage: ${error.usage}\n`);
    }
    return 1;
  }
}

// The message of an error a person can act on; null for a real bug.
function expectedMessage(error: unknown): string | null {
  if (error instanceof CliError || error instanceof DomainError) {
    return error.message;
  }
  if (error instanceof ConfigError) return error.message;
  if (error instanceof ZodError) {
    return error.issues
      .map((i) => `${i.path.join(".") || "input"}: ${i.message}`)
      .join("\n");
  }
  return null;
}

/** The real process: environment config, the database file, real streams. */
function processIo(): CliIo & { close(): void } {
  let config: Config | undefined;
  let db: Db | undefined;
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    config: () => (config ??= loadConfig()),
    db: () => (db ??= openDb(io.config().databasePath)),
  };
  return { ...io, close: () => db?.$client.close() };
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
}

if (isEntryPoint()) {
  const io = processIo();
  try {
    process.exitCode = await runCli(process.argv.slice(2), io);
  } finally {
    io.close();
  }
}
