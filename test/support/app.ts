import { createApp } from "../../src/app";
import { hashPassword } from "../../src/auth/password";
import { testConfig, type Config } from "../../src/config";
import { openDb, type Db } from "../../src/db/client";
import { authSessions, users, type Role } from "../../src/db/schema";
import { randomToken, sha256 } from "../../src/lib/tokens";
import { createLogger } from "../../src/lib/logger";

export type TestApp = ReturnType<typeof createTestApp>;

/** A fresh app on a fresh in-memory database with migrations applied. */
export function createTestApp(overrides: Partial<Config> = {}) {
  const db = openDb(":memory:");
  const config = testConfig(overrides);
  const app = createApp({ db, config, logger: createLogger("silent") });
  return { app, db, config };
}

export const CSRF = "csrf-token-for-tests-0123456789abcdef";
let userSeq = 0;

// Hashing is slow on purpose; tests share one hash and skip /login.
export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

/** A staff account in the database (password TEST_PASSWORD). */
export async function createUser(
  db: Db,
  role: Role = "admin",
  overrides: { email?: string; name?: string } = {},
) {
  userSeq += 1;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db
    .insert(users)
    .values({
      email: overrides.email ?? `${role}${userSeq}@shop.test`,
      name: overrides.name ?? `Test ${role} ${userSeq}`,
      role,
      passwordHash: await passwordHash,
    })
    .returning({ id: users.id, email: users.email, name: users.name })
    .get();
}

/** A signed-in staff member; its helpers send the cookies and CSRF token. */
export async function signIn(
  t: { app: TestApp["app"]; db: Db },
  role: Role = "admin",
) {
  const user = await createUser(t.db, role);
  const session = randomToken();
  t.db
    .insert(authSessions)
    .values({
      idHash: sha256(session),
      userId: user.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .run();
  const cookie = `shoppass_session=${session}; shoppass_csrf=${CSRF}`;

  return {
    ...user,
    cookie,
    get: (path: string, headers: Record<string, string> = {}) =>
      t.app.request(path, { headers: { cookie, ...headers } }),
    post: (
      path: string,
      form: Record<string, string>,
      headers: Record<string, string> = {},
    ) =>
      t.app.request(path, {
        method: "POST",
        headers: {
          cookie,
          "content-type": "application/x-www-form-urlencoded",
          ...headers,
        },
        body: new URLSearchParams({ _csrf: CSRF, ...form }),
      }),
  };
}
