import { Hono } from "hono";
import { requireSupervisor } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { pageContext, renderPage } from "../lib/render";
import { AuditLogPage, AuditResults } from "../../views/audit/list";
import { AuditQuerySchema } from "./schemas";
import { browseAuditLog } from "./service";

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get("/audit", requireSupervisor, (c) => {
  const query = AuditQuerySchema.parse(c.req.query());

  const found = browseAuditLog(c.var.deps.db, query);

  const data = { ...found, query };
  return renderPage(c, {
    page: () => <AuditLogPage ctx={pageContext(c)} data={data} />,
    partial: () => <AuditResults data={data} />,
  });
});
