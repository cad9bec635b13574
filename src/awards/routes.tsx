import { Hono, type Context } from "hono";
import { requireSupervisor } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { today } from "../lib/dates";
import {
  ForbiddenError,
  InvalidError,
  NotFoundError,
  type FieldErrors,
} from "../lib/errors";
import { fieldErrors, formValues } from "../lib/forms";
import { pageContext, renderPage } from "../lib/render";
import { getStudent } from "../students/service";
import {
  AwardFormPage,
  ExpiryHintText,
  type AwardFormValues,
} from "../../views/awards/form";
import { RevokeAwardPage } from "../../views/awards/revoke";
import {
  AwardFormSchema,
  AwardIdSchema,
  ExpiryQuerySchema,
  RevokeFormSchema,
} from "./schemas";
import {
  awardBadge,
  awardFormOptions,
  defaultExpiry,
  getAward,
  revokeAward,
} from "./service";
import { redirectWithNotice } from "../lib/notice";

export const awardRoutes = new Hono<AppEnv>();

const studentPath = (number: string) =>
  `/students/${encodeURIComponent(number)}`;

function renderAwardForm(
  c: Context<AppEnv>,
  student: { number: string; firstName: string; lastName: string },
  values: Partial<AwardFormValues>,
  errors: FieldErrors = {},
  status: 200 | 403 | 422 = 200,
) {
  const { db } = c.var.deps;
  const hint = defaultExpiry(
    db,
    Number(values.badgeId) || 0,
    values.issuedOn ?? "",
  );
  const who = {
    number: student.number,
    name: `${student.firstName} ${student.lastName}`,
  };
  return renderPage(
    c,
    {
      page: () => (
        <AwardFormPage
          ctx={pageContext(c)}
          student={who}
          options={awardFormOptions(db)}
          form={{ values, errors }}
          hint={hint}
        />
      ),
    },
    status,
  );
}

awardRoutes.get("/students/:number/awards/new", requireSupervisor, (c) => {
  const student = getStudent(c.var.deps.db, c.req.param("number"));

  const values = { issuedOn: today(), assessorId: String(c.var.user!.id) };
  return renderAwardForm(c, student, values);
});

// The expiry hint under the form, refreshed when the badge or date changes.
awardRoutes.get("/students/:number/awards/expiry", requireSupervisor, (c) => {
  const { db } = c.var.deps;
  getStudent(db, c.req.param("number"));
  const { badgeId, issuedOn } = ExpiryQuerySchema.parse(c.req.query());

  const hint = defaultExpiry(db, badgeId, issuedOn);

  c.header("Vary", "HX-Request");
  return c.html(<ExpiryHintText hint={hint} />);
});

awardRoutes.post(
  "/students/:number/awards/new",
  requireSupervisor,
  async (c) => {
    const { db } = c.var.deps;
    const student = getStudent(db, c.req.param("number"));
    const values = formValues(await c.req.parseBody());
    const parsed = AwardFormSchema.safeParse(values);
    if (!parsed.success) {
      return renderAwardForm(
        c,
        student,
        values,
        fieldErrors(parsed.error),
        422,
      );
    }

    try {
      awardBadge(db, c.var.actor!, { ...parsed.data, studentId: student.id });
      return redirectWithNotice(
        c,
        studentPath(student.number),
        "Badge awarded.",
      );
    } catch (err) {
      if (err instanceof InvalidError) {
        return renderAwardForm(c, student, values, err.fields, 422);
      }
      if (err instanceof ForbiddenError) {
        const errors = { _form: err.message };
        return renderAwardForm(c, student, values, errors, 403);
      }
      throw err;
    }
  },
);

function awardIdParam(c: Context<AppEnv>): number {
  const parsed = AwardIdSchema.safeParse(c.req.param("id"));
  if (!parsed.success) throw new NotFoundError("There is no such award.");
  return parsed.data;
}

function renderRevoke(
  c: Context<AppEnv>,
  awardId: number,
  values: { reason?: string },
  errors: FieldErrors = {},
) {
  const award = getAward(c.var.deps.db, awardId);
  const view = {
    id: award.id,
    badgeName: award.badgeName,
    issuedOn: award.issuedOn,
    studentNumber: award.studentNumber,
    studentName: `${award.studentFirstName} ${award.studentLastName}`,
  };
  const status = Object.keys(errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    {
      page: () => (
        <RevokeAwardPage
          ctx={pageContext(c)}
          award={view}
          form={{ values, errors }}
        />
      ),
    },
    status,
  );
}

awardRoutes.get("/awards/:id/revoke", requireSupervisor, (c) =>
  renderRevoke(c, awardIdParam(c), {}),
);

awardRoutes.post("/awards/:id/revoke", requireSupervisor, async (c) => {
  const awardId = awardIdParam(c);
  const values = formValues(await c.req.parseBody());
  const parsed = RevokeFormSchema.safeParse(values);
  if (!parsed.success) {
    return renderRevoke(c, awardId, values, fieldErrors(parsed.error));
  }

  const { db } = c.var.deps;
  const done = revokeAward(db, c.var.actor!, awardId, parsed.data.reason);

  return redirectWithNotice(
    c,
    studentPath(done.studentNumber),
    "Award revoked.",
  );
});
