import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../lib/env";
import { fieldErrors, formValues } from "../lib/forms";
import { pageContext, renderPage } from "../lib/render";
import { LoginPage } from "../../views/login";
import { SESSION_COOKIE } from "./guards";
import { LoginSchema, NextQuerySchema } from "./schemas";
import { logIn, logOut } from "./service";

export const authRoutes = new Hono<AppEnv>();

authRoutes.get("/login", (c) => {
  const { next } = NextQuerySchema.parse(c.req.query());
  const form = { values: { next }, errors: {} };
  return renderPage(c, {
    page: () => <LoginPage ctx={pageContext(c)} form={form} />,
  });
});

authRoutes.post("/login", async (c) => {
  const body = await c.req.parseBody();
  const values = formValues(body);
  const parsed = LoginSchema.safeParse(body);
  const reject = (errors: Record<string, string>) =>
    renderPage(
      c,
      {
        page: () => (
          <LoginPage ctx={pageContext(c)} form={{ values, errors }} />
        ),
      },
      422,
    );
  if (!parsed.success) return reject(fieldErrors(parsed.error));

  const { email, password, next } = parsed.data;
  const session = await logIn(c.var.deps.db, email, password);
  if (!session)
    return reject({ _form: "That email and password do not match." });

  setCookie(c, SESSION_COOKIE, session.sessionId, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: c.var.deps.config.secureCookies,
    maxAge: 14 * 86_400,
  });
  return c.redirect(next, 303);
});

authRoutes.post("/logout", (c) => {
  const sessionId = getCookie(c, SESSION_COOKIE);
  if (sessionId) logOut(c.var.deps.db, sessionId);
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  return c.redirect("/login", 303);
});
