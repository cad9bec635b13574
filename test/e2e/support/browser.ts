import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
} from "playwright-core";
import { authSessions, type Role } from "../../../src/db/schema";
import { randomToken, sha256 } from "../../../src/lib/tokens";
import { createUser } from "../../support/app";
import type { TestServer } from "./server";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps calling home,
// which this closed network refuses.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A persistent context, e.g. for a fake camera fed from a y4m file. */
export async function launchWithCamera(y4mFile: string) {
  const dir = mkdtempSync(join(tmpdir(), "shoppass-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${y4mFile}`,
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs a new staff member in by giving the context a session cookie. */
export async function signInAs(
  context: BrowserContext,
  server: TestServer,
  role: Role,
) {
  const user = await createUser(server.db, role);
  const session = randomToken();
  server.db
    .insert(authSessions)
    .values({
      idHash: sha256(session),
      userId: user.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .run();
  await context.addCookies([
    { name: "shoppass_session", value: session, url: server.url },
  ]);
  return user;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
};

/**
 * Runs axe-core in the page and returns its serious and critical
 * violations. The page's CSP forbids injected scripts, so axe is evaluated
 * through the DevTools protocol, which CSP does not govern.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  await session.send("Runtime.evaluate", { expression: axeSource });
  const { result } = await session.send("Runtime.evaluate", {
    expression: "axe.run(document).then((r) => JSON.stringify(r.violations))",
    awaitPromise: true,
    returnByValue: true,
  });
  await session.detach();
  const violations = JSON.parse(result.value as string) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}
