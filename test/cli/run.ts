import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { runCli } from "../../src/cli/main";
import { testConfig, type Config } from "../../src/config";
import type { Db } from "../../src/db/client";

/** Runs a CLI command in-process on a test database; collects its output. */
export async function runCommand(
  db: Db,
  argv: string[],
  opts: { stdin?: string; config?: () => Config } = {},
) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(opts.stdin ? [opts.stdin] : []),
    config: opts.config ?? (() => testConfig()),
    db: () => db,
  });
  return { code, stdout, stderr };
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "shoppass-cli-"));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
