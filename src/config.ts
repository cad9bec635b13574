import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((v) => v === "true" || v === "1");

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_PATH: z.string().min(1).default("data/shoppass.db"),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error", "silent"])
    .default("info"),
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional(),
  // Campus ID numbers are printed on cards, so anyone can forge one.
  ALLOW_STUDENT_NUMBER_SCAN: booleanFlag,
  STUDENT_PAGE_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
});

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  publicUrl: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  sessionSecret: string;
  allowStudentNumberScan: boolean;
  studentPageRateLimit: number;
  secureCookies: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join(".")}: ${i.message}`,
    );
    throw new ConfigError(`Bad environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;

  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(
    /\/$/,
    "",
  );
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(e.DATABASE_PATH),
    allowStudentNumberScan: e.ALLOW_STUDENT_NUMBER_SCAN,
    studentPageRateLimit: e.STUDENT_PAGE_RATE_LIMIT,
    secureCookies: publicUrl.startsWith("https:"),
  };
}

function readOrCreateSecret(databasePath: string): string {
  if (databasePath === ":memory:") return randomBytes(32).toString("hex");

  const file = join(dirname(databasePath), "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();

  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** A config for tests: in-memory database, fixed secret, silent logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    databasePath: ":memory:",
    publicUrl: "http://shop.test",
    logLevel: "silent",
    sessionSecret: "test-secret-0123456789abcdef0123456789abcdef",
    allowStudentNumberScan: false,
    studentPageRateLimit: 60,
    secureCookies: false,
    ...overrides,
  };
}
