import { Hono } from "hono";
import { requireStaff } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { NotFoundError } from "../lib/errors";
import { isHtmx, pageContext, renderPage } from "../lib/render";
import { BoardPage, BoardRegion } from "../../views/kiosk/board";
import { endBoardSession, occupancyBoard } from "./board";
import { KioskQuerySchema, SessionParamSchema } from "./schemas";

/** The staff occupancy board: who is on which machine; end a session. */
export const boardRoutes = new Hono<AppEnv>();

boardRoutes.get("/kiosk/board", requireStaff, (c) => {
  const { area } = KioskQuerySchema.parse(c.req.query());

  const board = occupancyBoard(c.var.deps.db, area ?? null);

  const region = () => (
    <BoardRegion
      area={area ?? null}
      machines={board.machines}
      csrfToken={c.var.csrfToken}
    />
  );
  c.header("Cache-Control", "no-store");
  return renderPage(c, {
    page: () => (
      <BoardPage
        ctx={pageContext(c)}
        area={area ?? null}
        areas={board.areas}
        machines={board.machines}
      />
    ),
    partial: region,
  });
});

boardRoutes.post("/kiosk/sessions/:id/end", requireStaff, (c) => {
  const params = SessionParamSchema.safeParse(c.req.param());
  if (!params.success) throw new NotFoundError("There is no such session");
  const { id } = params.data;
  const { area } = KioskQuerySchema.parse(c.req.query());

  endBoardSession(c.var.deps.db, c.var.actor!, id);

  if (!isHtmx(c)) {
    const query = area ? `?area=${encodeURIComponent(area)}` : "";
    return c.redirect(`/kiosk/board${query}`, 303);
  }
  const board = occupancyBoard(c.var.deps.db, area ?? null);
  return renderPage(c, {
    page: () => (
      <BoardRegion
        area={area ?? null}
        machines={board.machines}
        csrfToken={c.var.csrfToken}
      />
    ),
  });
});
