import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { StaffUser } from "../src/lib/env";

export type PageContext = {
  user: StaffUser | null;
  csrfToken: string;
  path: string;
  notice?: string | null; // a one-time "done" message after a redirect
};

type NavLink = { href: string; label: string; role: StaffUser["role"] };

const NAV: NavLink[] = [
  { href: "/students", label: "Students", role: "staff" },
  { href: "/machines", label: "Machines", role: "staff" },
  { href: "/admin/badges", label: "Badges", role: "staff" },
  { href: "/kiosk/board", label: "Occupancy", role: "staff" },
  { href: "/reports", label: "Reports", role: "supervisor" },
  { href: "/audit", label: "Audit log", role: "supervisor" },
  { href: "/admin/devices", label: "Devices", role: "admin" },
  { href: "/admin/users", label: "Users", role: "admin" },
];
const RANK = { staff: 1, supervisor: 2, admin: 3 };

/** The staff page frame: skip link, navigation, main region. */
export function Layout(props: {
  title: string;
  ctx: PageContext;
  styles?: string[];
  children: Child;
}) {
  const { ctx } = props;
  return (
    <Document
      title={props.title}
      csrfToken={ctx.csrfToken}
      styles={props.styles}
    >
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          ShopPass
        </a>
        {ctx.user && <StaffNav ctx={ctx} user={ctx.user} />}
      </header>
      <main id="main" tabindex={-1}>
        {ctx.notice && (
          <p class="flash" role="status">
            <span aria-hidden="true">✔ </span>
            {ctx.notice}
          </p>
        )}
        {props.children}
      </main>
    </Document>
  );
}

/** The bare HTML document: head, scripts, CSRF header for htmx. */
export function Document(props: {
  title: string;
  csrfToken?: string;
  bodyClass?: string;
  noindex?: boolean;
  scripts?: string[];
  styles?: string[];
  children: Child;
}) {
  const headers = props.csrfToken
    ? JSON.stringify({ "X-CSRF-Token": props.csrfToken })
    : undefined;
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {props.noindex && <meta name="robots" content="noindex, nofollow" />}
          <meta name="htmx-config" content='{"defaultTimeout": 10000}' />
          <title>{`${props.title} - ShopPass`}</title>
          <link rel="icon" href="/public/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/public/app.css" />
          {props.styles?.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
          <script src="/assets/htmx.min.js" defer></script>
          <script src="/public/app.js" defer></script>
          {props.scripts?.map((src) => (
            <script src={src} type="module"></script>
          ))}
        </head>
        <body class={props.bodyClass} {...{ "hx-headers:inherited": headers }}>
          {props.children}
        </body>
      </html>
    </>
  );
}

function StaffNav(props: { ctx: PageContext; user: StaffUser }) {
  const links = NAV.filter((l) => RANK[props.user.role] >= RANK[l.role]);
  return (
    <nav aria-label="Main">
      <ul>
        {links.map((l) => (
          <li>
            <a
              href={l.href}
              aria-current={
                props.ctx.path.startsWith(l.href) ? "page" : undefined
              }
            >
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      <form method="post" action="/logout" class="logout">
        <CsrfField token={props.ctx.csrfToken} />
        <span class="who">
          {props.user.name} ({props.user.role})
        </span>
        <button type="submit">Log out</button>
      </form>
    </nav>
  );
}

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}
