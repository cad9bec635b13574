import { Hono } from "hono";
import { requireStaff, requireSupervisor } from "../auth/guards";
import { hasRole } from "../lib/actor";
import type { AppEnv } from "../lib/env";
import { InvalidError, NotFoundError } from "../lib/errors";
import { fieldErrors } from "../lib/forms";
import { pageContext } from "../lib/render";
import {
  limitSecretPages,
  secretPageHeaders,
  secretToken,
} from "../student-page/guards";
import { StaffCardPage, StudentCardPage } from "../../views/cards/card-page";
import { ReplaceCardPage } from "../../views/cards/replace-page";
import { CardSheetPage } from "../../views/cards/sheet-page";
import { SheetQuerySchema, StudentNumberSchema } from "./schemas";
import {
  buildCardSheet,
  type CardSheet,
  getCardByNumber,
  getCardByToken,
  listSheetAreas,
  replaceStudentCard,
  requireCardStudent,
} from "./service";

export const cardRoutes = new Hono<AppEnv>();

function studentNumber(value: string): string {
  const parsed = StudentNumberSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError("There is no page here.");
  return parsed.data;
}

cardRoutes.get("/students/:number/card", requireStaff, async (c) => {
  const number = studentNumber(c.req.param("number"));
  const replaced = c.req.query("replaced") === "1";

  const { db, config } = c.var.deps;
  const card = await getCardByNumber(db, config, number);

  c.header("Cache-Control", "no-store");
  return c.html(
    <StaffCardPage
      ctx={pageContext(c)}
      card={card}
      replaced={replaced}
      canReplace={hasRole(c.var.actor!, "supervisor")}
    />,
  );
});

cardRoutes.get("/students/:number/card/replace", requireSupervisor, (c) => {
  const number = studentNumber(c.req.param("number"));

  const s = requireCardStudent(c.var.deps.db, number);

  const student = { name: `${s.firstName} ${s.lastName}`, number: s.number };
  return c.html(<ReplaceCardPage ctx={pageContext(c)} student={student} />);
});

cardRoutes.post("/students/:number/card/replace", requireSupervisor, (c) => {
  const number = studentNumber(c.req.param("number"));

  const { db, config } = c.var.deps;
  replaceStudentCard(db, config, c.var.actor!, number);

  const to = `/students/${encodeURIComponent(number)}/card?replaced=1`;
  return c.redirect(to, 303);
});

cardRoutes.get(
  "/s/:token/card",
  secretPageHeaders,
  limitSecretPages,
  async (c) => {
    const token = secretToken(c.req.param("token"));

    const { db, config } = c.var.deps;
    const card = await getCardByToken(db, config, token);

    return c.html(<StudentCardPage card={card} token={token} />);
  },
);

cardRoutes.get("/cards/sheet", requireStaff, async (c) => {
  const query = c.req.query();
  const { db, config } = c.var.deps;
  const areas = listSheetAreas(db);
  const page = (errors: Record<string, string>, sheet: CardSheet | null) => (
    <CardSheetPage
      ctx={pageContext(c)}
      areas={areas}
      values={query}
      errors={errors}
      cards={sheet?.cards ?? null}
      unknownNumbers={sheet?.unknownNumbers ?? []}
    />
  );
  if (Object.keys(query).length === 0) return c.html(page({}, null));

  const parsed = SheetQuerySchema.safeParse(query);
  if (!parsed.success)
    return c.html(page(fieldErrors(parsed.error), null), 422);

  try {
    const sheet = await buildCardSheet(db, config, parsed.data.filter);
    return c.html(page({}, sheet));
  } catch (err) {
    if (!(err instanceof InvalidError)) throw err;
    return c.html(page(err.fields, null), 422);
  }
});
