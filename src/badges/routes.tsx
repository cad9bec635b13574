import { Hono, type Context } from "hono";
import { requireAdmin, requireStaff } from "../auth/guards";
import type { AppEnv } from "../lib/env";
import { InvalidError, type FieldErrors } from "../lib/errors";
import { fieldErrors, formValues } from "../lib/forms";
import { pageContext, renderPage } from "../lib/render";
import { BadgeFormPage, type BadgeFormState } from "../../views/badges/form";
import { BadgeListPage, BadgeTracks } from "../../views/badges/list";
import {
  BadgeFieldsSchema,
  BadgeListQuerySchema,
  NewBadgeSchema,
  SlugParamSchema,
} from "./schemas";
import {
  archiveBadge,
  badgeFormOptions,
  createBadge,
  getBadge,
  listBadgesByTrack,
  unarchiveBadge,
  updateBadge,
} from "./service";
import { formatValidity } from "./validity";
import { redirectWithNotice } from "../lib/notice";

type Ctx = Context<AppEnv>;

export const badgeRoutes = new Hono<AppEnv>();

badgeRoutes.get("/admin/badges", requireStaff, (c) => {
  const { archived } = BadgeListQuerySchema.parse(c.req.query());

  const list = listBadgesByTrack(c.var.deps.db, { includeArchived: archived });

  const data = { ...list, showArchived: archived };
  const ctx = pageContext(c);
  return renderPage(c, {
    page: () => <BadgeListPage ctx={ctx} data={data} />,
    partial: () => <BadgeTracks ctx={ctx} data={data} />,
  });
});

badgeRoutes.get("/admin/badges/new", requireAdmin, (c) =>
  renderForm(c, {
    form: { values: { validity: "never" }, assessorIds: [], errors: {} },
  }),
);

badgeRoutes.post("/admin/badges/new", requireAdmin, async (c) => {
  const body = await c.req.parseBody({ all: true });
  const entered = enteredValues(body);
  const parsed = NewBadgeSchema.safeParse(body);
  const reject = (errors: FieldErrors) =>
    renderForm(c, { form: { ...entered, errors } });
  if (!parsed.success) return reject(fieldErrors(parsed.error));

  try {
    createBadge(c.var.deps.db, c.var.actor!, parsed.data);
  } catch (err) {
    if (err instanceof InvalidError) return reject(err.fields);
    throw err;
  }
  return redirectWithNotice(
    c,
    `/admin/badges#badge-${parsed.data.slug}`,
    "Badge created.",
  );
});

badgeRoutes.get("/admin/badges/:slug/edit", requireAdmin, (c) => {
  const { slug } = SlugParamSchema.parse(c.req.param());

  const badge = getBadge(c.var.deps.db, slug);

  const values = {
    name: badge.name,
    track: badge.track,
    type: badge.type,
    level: badge.level,
    description: badge.description,
    criteria: badge.criteria,
    criteriaUrl: badge.criteriaUrl ?? "",
    validity: formatValidity(badge),
    lapseUnusedMonths: badge.lapseUnusedMonths?.toString() ?? "",
  };
  const assessorIds = badge.assessorIds.map(String);
  return renderForm(c, {
    slug,
    named: badge.assessorIds,
    form: { values, assessorIds, errors: {} },
  });
});

badgeRoutes.post("/admin/badges/:slug/edit", requireAdmin, async (c) => {
  const { slug } = SlugParamSchema.parse(c.req.param());
  const body = await c.req.parseBody({ all: true });
  const entered = enteredValues(body);
  const named = getBadge(c.var.deps.db, slug).assessorIds;
  const parsed = BadgeFieldsSchema.safeParse(body);
  const reject = (errors: FieldErrors) =>
    renderForm(c, { slug, named, form: { ...entered, errors } });
  if (!parsed.success) return reject(fieldErrors(parsed.error));

  try {
    updateBadge(c.var.deps.db, c.var.actor!, slug, parsed.data);
  } catch (err) {
    if (err instanceof InvalidError) return reject(err.fields);
    throw err;
  }
  return redirectWithNotice(c, `/admin/badges#badge-${slug}`, "Badge saved.");
});

badgeRoutes.post("/admin/badges/:slug/archive", requireAdmin, (c) => {
  const { slug } = SlugParamSchema.parse(c.req.param());

  archiveBadge(c.var.deps.db, c.var.actor!, slug);

  const to = `/admin/badges?archived=1#badge-${slug}`;
  return redirectWithNotice(c, to, "Badge archived.");
});

badgeRoutes.post("/admin/badges/:slug/unarchive", requireAdmin, (c) => {
  const { slug } = SlugParamSchema.parse(c.req.param());

  unarchiveBadge(c.var.deps.db, c.var.actor!, slug);

  const to = `/admin/badges?archived=1#badge-${slug}`;
  return redirectWithNotice(c, to, "Badge restored.");
});

// The form as entered: every string field, and the ticked assessors.
function enteredValues(body: Record<string, unknown>) {
  const raw = body.assessors;
  const ticked = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return {
    values: formValues(body as Parameters<typeof formValues>[0]),
    assessorIds: ticked.filter((v): v is string => typeof v === "string"),
  };
}

function renderForm(
  c: Ctx,
  view: { slug?: string; named?: number[]; form: BadgeFormState },
) {
  const options = badgeFormOptions(c.var.deps.db, view.named);
  const failed = Object.keys(view.form.errors).length > 0;
  return renderPage(
    c,
    {
      page: () => (
        <BadgeFormPage
          ctx={pageContext(c)}
          slug={view.slug}
          form={view.form}
          options={options}
        />
      ),
    },
    failed ? 422 : 200,
  );
}
