import type { Child } from "hono/jsx";
import type { PageContext } from "../layout";

/** True when the signed-in staff member may change records. */
export function canEdit(ctx: PageContext): boolean {
  const role = ctx.user?.role;
  return role === "supervisor" || role === "admin";
}

/** Shows its children only to supervisors and admins. */
export function CanEdit(props: { ctx: PageContext; children: Child }) {
  return canEdit(props.ctx) ? <>{props.children}</> : null;
}

export function studentHref(number: string, rest = ""): string {
  return `/students/${encodeURIComponent(number)}${rest}`;
}

export const RECORD_STYLES = ["/public/records.css"];
