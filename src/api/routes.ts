import { Hono, type Context } from "hono";
import type { z } from "zod";
import { requireBearerDevice } from "../devices/guards";
import type { AppEnv } from "../lib/env";
import { NotFoundError } from "../lib/errors";
import {
  checkAccess,
  endSession,
  listOccupancy,
  startSession,
} from "../sessions/service";
import { DocsPage } from "../../views/api/docs-page";
import { apiDocsModel, openApiDocument } from "./openapi";
import {
  accessCheckJson,
  deniedJson,
  machinesJson,
  sessionJson,
  startedSessionJson,
} from "./responses";
import { ScanBodySchema, SessionIdSchema } from "./schemas";

export const apiRoutes = new Hono<AppEnv>();

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

// Malformed JSON and a wrong shape both answer 400 with the issues.
async function parseJson<T>(
  c: Context<AppEnv>,
  schema: z.ZodType<T>,
): Promise<Parsed<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    const issues = [{ path: [], message: "The body is not valid JSON" }];
    return { ok: false, response: invalid(c, issues) };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "number" ? p : String(p))),
    message: i.message,
  }));
  return { ok: false, response: invalid(c, issues) };
}

function invalid(
  c: Context<AppEnv>,
  issues: { path: (string | number)[]; message: string }[],
) {
  return c.json({ error: { code: "invalid", issues } }, 400);
}

apiRoutes.post("/access-checks", requireBearerDevice, async (c) => {
  const body = await parseJson(c, ScanBodySchema);
  if (!body.ok) return body.response;

  // c.get, not c.var: c.var copies every variable on each read (hot path)
  const { db, config } = c.get("deps");
  const out = checkAccess(db, config, c.get("actor")!, {
    machineCode: body.data.machine,
    scanned: body.data.credential,
  });
  return c.json(accessCheckJson(out, out.allowed), 200);
});

apiRoutes.post("/sessions", requireBearerDevice, async (c) => {
  const body = await parseJson(c, ScanBodySchema);
  if (!body.ok) return body.response;

  const { db, config } = c.var.deps;
  const out = startSession(db, config, c.var.actor!, {
    machineCode: body.data.machine,
    scanned: body.data.credential,
  });
  if (out.result !== "signed-in") {
    const denied = deniedJson(out);
    return c.json(denied, denied.error.code === "occupied" ? 409 : 403);
  }
  return c.json(startedSessionJson(out), out.existing ? 200 : 201);
});

apiRoutes.post("/sessions/:id/end", requireBearerDevice, (c) => {
  const params = SessionIdSchema.safeParse(c.req.param());
  if (!params.success) throw new NotFoundError("There is no such session");

  const session = endSession(c.var.deps.db, c.var.actor!, params.data.id);
  return c.json(sessionJson(session), 200);
});

apiRoutes.get("/machines", requireBearerDevice, (c) => {
  const device = c.var.device!;
  const filter =
    device.machineId !== null
      ? { machineId: device.machineId }
      : device.area !== null
        ? { area: device.area }
        : {};

  const board = listOccupancy(c.var.deps.db, filter);
  return c.json(machinesJson(board), 200);
});

apiRoutes.get("/openapi.json", (c) =>
  c.json(openApiDocument(c.var.deps.config.publicUrl)),
);

apiRoutes.get("/docs", (c) => c.html(DocsPage({ api: apiDocsModel() })));
