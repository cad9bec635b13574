import { Hono } from "hono";
import type { AppEnv } from "../lib/env";
import { pageContext } from "../lib/render";
import { ReportIndexPage } from "../../views/reports/index-page";
import { UsageRegion } from "../../views/reports/usage";
import { listAreas, listMachineChoices } from "./choices";
import { csvResponse } from "./csv";
import { defineReport, requireReports } from "./report-handler";
import { UsageFiltersSchema } from "./schemas";
import {
  buildUsageReport,
  SESSION_ROWS_SHOWN,
  STUDENT_ROWS_SHOWN,
  USAGE_CSV_HEADER,
  usageCsvBatches,
} from "./usage";

export const reportRoutes = new Hono<AppEnv>();

reportRoutes.get("/reports", requireReports, (c) =>
  c.html(<ReportIndexPage ctx={pageContext(c)} />),
);

reportRoutes.get(
  "/reports/usage",
  requireReports,
  defineReport({
    path: "/reports/usage",
    schema: UsageFiltersSchema,
    title: () => "Machine usage",
    describe: (f) => [
      { label: "Period", value: `${f.from} to ${f.to}` },
      { label: "Machine", value: f.machine ?? "All machines" },
      { label: "Area", value: f.area ?? "All areas" },
    ],
    csv: (db, f) =>
      csvResponse({
        report: "usage",
        header: USAGE_CSV_HEADER,
        nextBatch: usageCsvBatches(db, f),
      }),
    build: (db, f) => buildUsageReport(db, f),
    options: (db) => {
      const machines = listMachineChoices(db);
      return { machines, areas: listAreas(machines) };
    },
    render: (p) => (
      <UsageRegion
        {...p}
        {...p.options}
        shown={{ sessions: SESSION_ROWS_SHOWN, students: STUDENT_ROWS_SHOWN }}
      />
    ),
  }),
);
