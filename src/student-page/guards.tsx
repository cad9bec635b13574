import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../lib/env";
import { NotFoundError } from "../lib/errors";
import { rateLimit } from "../lib/rate-limit";
import { TooManyRequestsPage } from "../../views/student-page/too-many-page";

/**
 * Headers for pages behind a card's secret link: not indexed, not cached,
 * and the link never leaves in a Referer header.
 */
export const secretPageHeaders = createMiddleware<AppEnv>(async (c, next) => {
  c.header("X-Robots-Tag", "noindex, nofollow");
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  await next();
});

/** STUDENT_PAGE_RATE_LIMIT requests a minute per address (guessing links). */
export const limitSecretPages = rateLimit({
  limit: (c) => c.var.deps.config.studentPageRateLimit,
  onLimited: (c, retryAfter) => {
    c.header("Retry-After", String(retryAfter));
    return c.html(<TooManyRequestsPage retryAfter={retryAfter} />, 429);
  },
});

// A card token: 32 bytes of HMAC in base64url (src/credentials/service.ts).
const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The token of a secret link; anything else is a plain 404. */
export function secretToken(value: string): string {
  const parsed = TokenSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError("There is no page here.");
  return parsed.data;
}
