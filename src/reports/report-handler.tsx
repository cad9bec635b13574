// The four beats every report shares: parse the filters, (the route's
// guard has authorized), run the report or its CSV, render the full page
// or, for htmx, only the report region.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { z } from "zod";
import { requireSupervisor } from "../auth/guards";
import { DEVICE_COOKIE } from "../devices/guards";
import { authenticateDevice } from "../devices/service";
import type { Db } from "../db/client";
import type { AppEnv } from "../lib/env";
import { ForbiddenError, InvalidError, type FieldErrors } from "../lib/errors";
import { pageContext, renderPage } from "../lib/render";
import { ReportPage, type ReportMeta } from "../../views/reports/report-page";
import { csvResponse, type NextBatch } from "./csv";
import { localStamp } from "./format";
import { parseFilters } from "./schemas";

/**
 * Supervisors and admins only. A paired kiosk or an interlock is refused
 * outright (403) rather than sent to a login page it cannot use.
 */
export const requireReports = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.user && isDevice(c)) {
    throw new ForbiddenError("Reports are for supervisors, not devices");
  }
  return requireSupervisor(c, next);
});

function isDevice(c: Context<AppEnv>): boolean {
  if (c.var.actor?.kind === "device") return true;
  const bearer = /^Bearer\s+(\S+)/i.exec(c.req.header("Authorization") ?? "");
  const secret = bearer?.[1] ?? getCookie(c, DEVICE_COOKIE);
  return !!secret && authenticateDevice(c.var.deps.db, secret) !== null;
}

type Format = { format: "html" | "csv" };

export type RenderProps<R, O> = {
  meta: ReportMeta;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  report: R | null;
  options: O;
};

type ReportSpec<F extends Format, R, O> = {
  name: string; // the CSV file is named after it: "usage-2026-12-03.csv"
  path: string;
  schema: z.ZodType<F>;
  title: (filters: F | null) => string;
  describe: (filters: F) => { label: string; value: string }[];
  build: (db: Db, filters: F) => R;
  csv: (db: Db, filters: F) => { header: string[]; nextBatch: NextBatch };
  options: (db: Db) => O;
  render: (props: RenderProps<R, O>) => JSX.Element;
};

/**
 * A report's handler. Bad filters re-render the form with a message under
 * each field and status 422; the report itself is not run.
 */
export function defineReport<F extends Format, R, O>(
  spec: ReportSpec<F, R, O>,
) {
  return (c: Context<AppEnv>) => {
    const db = c.var.deps.db;
    const parsed = parseFilters(spec.schema, c.req.query());
    const options = spec.options(db);

    const show = (
      status: 200 | 422,
      view: Omit<RenderProps<R, O>, "meta" | "options">,
      filters: F | null,
    ) => {
      const meta = reportMeta(c, spec, filters);
      const region = spec.render({ ...view, meta, options });
      return render(c, meta.title, region, status);
    };

    if (!parsed.ok) {
      const { errors, values } = parsed;
      return show(422, { errors, values, report: null }, null);
    }
    const filters = parsed.filters;
    try {
      if (filters.format === "csv") {
        return csvResponse({ report: spec.name, ...spec.csv(db, filters) });
      }
      const report = spec.build(db, filters);
      const values = stringValues(filters);
      return show(200, { errors: {}, values, report }, filters);
    } catch (err) {
      if (!(err instanceof InvalidError)) throw err;
      const { values } = parsed;
      return show(422, { errors: err.fields, values, report: null }, null);
    }
  };
}

/** Renders the page, or only the region for an htmx swap. */
export function render(
  c: Context<AppEnv>,
  title: string,
  region: JSX.Element,
  status: 200 | 422 = 200,
) {
  const page = () => (
    <ReportPage ctx={pageContext(c)} title={title} region={region} />
  );
  return renderPage(c, { page, partial: () => region }, status);
}

function reportMeta<F extends Format>(
  c: Context<AppEnv>,
  spec: Pick<ReportSpec<F, unknown, unknown>, "path" | "title" | "describe">,
  filters: F | null,
): ReportMeta {
  return describeReport(c, {
    title: spec.title(filters),
    path: spec.path,
    filters: filters
      ? spec.describe(filters)
      : [{ label: "Filters", value: "Not valid; see the form" }],
    csvHref: filters ? csvHref(spec.path, filters) : null,
  });
}

/** The report's heading data, with when and by whom it was produced. */
export function describeReport(
  c: Context<AppEnv>,
  meta: Omit<ReportMeta, "producedAt" | "producedBy">,
): ReportMeta {
  const user = c.var.user!;
  return {
    ...meta,
    producedAt: localStamp(new Date()),
    producedBy: `${user.name} (${user.role})`,
  };
}

function stringValues(filters: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key !== "format" && value !== undefined && value !== null) {
      out[key] = String(value);
    }
  }
  return out;
}

function csvHref(path: string, filters: object): string {
  const query = new URLSearchParams({
    ...stringValues(filters),
    format: "csv",
  });
  return `${path}?${query}`;
}
