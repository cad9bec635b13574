import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";

describe("configuration from the environment", () => {
  it("uses the embedded defaults when nothing is set", () => {
    const dir = mkdtempSync(join(tmpdir(), "shoppass-config-"));

    const config = loadConfig({ DATABASE_PATH: join(dir, "shop.db") });

    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.allowStudentNumberScan).toBe(false);
  });

  it("generates a session secret once and keeps it in the data folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "shoppass-config-"));
    const env = { DATABASE_PATH: join(dir, "shop.db") };

    const first = loadConfig(env);
    const second = loadConfig(env);

    expect(first.sessionSecret).toHaveLength(64);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(join(dir, "session-secret"), "utf8").trim()).toBe(
      first.sessionSecret,
    );
  });

  it("names every bad variable in one message", () => {
    const env = { PORT: "eighty", PUBLIC_URL: "not a url", LOG_LEVEL: "loud" };

    const load = () => loadConfig(env);

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT/);
    expect(load).toThrow(/PUBLIC_URL/);
    expect(load).toThrow(/LOG_LEVEL/);
  });

  it("refuses a short session secret", () => {
    const env = { SESSION_SECRET: "short", DATABASE_PATH: ":memory:" };

    expect(() => loadConfig(env)).toThrow(
      /SESSION_SECRET: must be at least 32/,
    );
  });
});
