// What every CLI command is given and how it reads its arguments. A
// command is one module under commands/ and one line in main.ts.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import type { Config } from "../config";
import type { Db } from "../db/client";

export type Output = { write(text: string): unknown };

/** The outside world of a command; tests pass their own. */
export type CliIo = {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  config: () => Config;
  db: () => Db; // opened (and migrated) on first use
};

export type Command = {
  name: string;
  summary: string;
  usage: string; // the arguments after the name
  run(args: string[], io: CliIo): Promise<number | void> | number | void;
};

/** An expected failure: its message is printed, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Reads a command's flags and positionals with parseArgs, then checks
 * them with a zod schema over `{ ...flags, args: positionals }`.
 */
export function parseCommand<T>(
  command: Command,
  argv: string[],
  options: Options,
  schema: z.ZodType<T>,
): T {
  let parsed: { values: object; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    throw new CliError((error as Error).message, usageOf(command));
  }

  const result = schema.safeParse({
    ...parsed.values,
    args: parsed.positionals,
  });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const flag = issue.path[0] === "args" ? "" : String(issue.path[0] ?? "");
  const message =
    flag && !issue.message.includes(`--${flag}`)
      ? `--${flag}: ${issue.message}`
      : issue.message;
  throw new CliError(message, usageOf(command));
}

export function usageOf(command: Command): string {
  return `npm run shop -- ${command.name} ${command.usage}`.trimEnd();
}

/** One line from standard input, without echo when it is a terminal. */
export async function readSecretLine(
  io: CliIo,
  prompt: string,
): Promise<string | null> {
  const stdin = io.stdin as NodeJS.ReadStream;
  const terminal = stdin.isTTY === true;
  if (terminal) io.stderr.write(prompt);

  // readline echoes typed characters to `output`; this one drops them
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const lines = createInterface({ input: stdin, output: muted, terminal });
  try {
    for await (const line of lines) return line;
    return null;
  } finally {
    lines.close();
    if (terminal) io.stderr.write("\n");
  }
}

/** For a command that takes no positional arguments. */
export const noArgs = (argv: string[], command: Command) =>
  parseCommand(
    command,
    argv,
    {},
    z.object({ args: z.array(z.string()).max(0, "takes no arguments") }),
  );
