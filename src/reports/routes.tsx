import { Hono } from "hono";
import type { Db } from "../db/client";
import type { AppEnv } from "../lib/env";
import { pageContext } from "../lib/render";
import { ReportIndexPage } from "../../views/reports/index-page";
import { RosterRegion } from "../../views/reports/roster";
import { UsageRegion } from "../../views/reports/usage";
import { listAreas, listMachineChoices } from "./choices";
import { batchesOf, csvResponse } from "./csv";
import { defineReport, requireReports } from "./report-handler";
import { buildRoster, ROSTER_CSV_HEADER, rosterCsvRows } from "./roster";
import { RosterFiltersSchema, UsageFiltersSchema } from "./schemas";
import { today } from "../lib/dates";
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

const machineOptions = (db: Db) => {
  const machines = listMachineChoices(db);
  return { machines, areas: listAreas(machines) };
};

// Cap on the rows of one HTML table; the CSV always has every row.
const ROWS_SHOWN = 500;

reportRoutes.get(
  "/reports/roster",
  requireReports,
  defineReport({
    path: "/reports/roster",
    schema: RosterFiltersSchema,
    title: (f) => {
      const what = f?.machine ?? f?.area;
      return what ? `Machine roster: ${what}` : "Machine roster";
    },
    describe: (f) => [
      {
        label: "Machine",
        value:
          f.machine ?? (f.area ? "Every machine of the area" : "None chosen"),
      },
      { label: "Area", value: f.area ?? "-" },
      { label: "Cleared on", value: today() },
    ],
    build: (db, f) => (f.machine || f.area ? buildRoster(db, f) : null),
    csv: (db, f) =>
      csvResponse({
        report: "roster",
        header: ROSTER_CSV_HEADER,
        nextBatch: batchesOf(
          rosterCsvRows(f.machine || f.area ? buildRoster(db, f) : null),
        ),
      }),
    options: machineOptions,
    render: (p) => (
      <RosterRegion {...p} {...p.options} rowsShown={ROWS_SHOWN} />
    ),
  }),
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
    options: machineOptions,
    render: (p) => (
      <UsageRegion
        {...p}
        {...p.options}
        shown={{ sessions: SESSION_ROWS_SHOWN, students: STUDENT_ROWS_SHOWN }}
      />
    ),
  }),
);
