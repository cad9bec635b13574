import { Hono } from "hono";
import type { Db } from "../db/client";
import { today } from "../lib/dates";
import type { AppEnv } from "../lib/env";
import { NotFoundError } from "../lib/errors";
import { pageContext } from "../lib/render";
import { BadgeSummaryRegion } from "../../views/reports/badge-summary";
import { DenialsRegion } from "../../views/reports/denials";
import { ExpiringRegion } from "../../views/reports/expiring";
import { ReportIndexPage } from "../../views/reports/index-page";
import { RosterRegion } from "../../views/reports/roster";
import {
  StudentLookupRegion,
  StudentRecordRegion,
} from "../../views/reports/student-record";
import { UsageRegion } from "../../views/reports/usage";
import { badgeSummaryCsv, buildBadgeSummary } from "./badge-summary";
import { listAreas, listMachineChoices } from "./choices";
import { batchesOf, csvResponse } from "./csv";
import {
  buildDenialReport,
  denialCsvBatches,
  DENIALS_CSV_HEADER,
} from "./denials";
import {
  buildExpiringReport,
  EXPIRING_CSV_HEADER,
  expiringCsvRows,
} from "./expiring";
import {
  defineReport,
  describeReport,
  render,
  requireReports,
} from "./report-handler";
import { buildRoster } from "./roster";
import { ROSTER_CSV_HEADER, rosterCsvRows } from "./roster-rows";
import {
  BadgeSummaryFiltersSchema,
  DenialFiltersSchema,
  ExpiringFiltersSchema,
  RosterFiltersSchema,
  StudentLookupSchema,
  UsageFiltersSchema,
} from "./schemas";
import {
  buildStudentRecord,
  hasStudentNumber,
  STUDENT_RECORD_CSV_HEADER,
  studentRecordCsvRows,
} from "./student-record";
import {
  buildUsageReport,
  SESSION_ROWS_SHOWN,
  STUDENT_ROWS_SHOWN,
} from "./usage";
import { USAGE_CSV_HEADER, usageCsvBatches } from "./usage-csv";

export const reportRoutes = new Hono<AppEnv>();

// Cap on the rows of one HTML table; the CSV always has every row. An
// area's roster has a table per requirement, so each gets fewer rows.
const ROWS_SHOWN = 500;
const AREA_ROWS_SHOWN = 100;

const machineOptions = (db: Db) => {
  const machines = listMachineChoices(db);
  return { machines, areas: listAreas(machines) };
};
const noOptions = () => ({});

reportRoutes.get("/reports", requireReports, (c) =>
  c.html(<ReportIndexPage ctx={pageContext(c)} />),
);

reportRoutes.get(
  "/reports/roster",
  requireReports,
  defineReport({
    name: "roster",
    path: "/reports/roster",
    schema: RosterFiltersSchema,
    title: (f) => {
      const what = f?.machine ?? f?.area;
      return what ? `Machine roster: ${what}` : "Machine roster";
    },
    describe: (f) => [
      { label: "Machine", value: f.machine ?? "Every machine of the area" },
      { label: "Area", value: f.area ?? "-" },
      { label: "Cleared on", value: today() },
    ],
    build: (db, f) =>
      f.machine
        ? buildRoster(db, f, ROWS_SHOWN)
        : f.area
          ? buildRoster(db, f, AREA_ROWS_SHOWN)
          : null,
    csv: (db, f) => ({
      header: ROSTER_CSV_HEADER,
      nextBatch: batchesOf(
        rosterCsvRows(
          f.machine || f.area ? buildRoster(db, f, Infinity) : null,
        ),
      ),
    }),
    options: machineOptions,
    render: (p) => <RosterRegion {...p} {...p.options} />,
  }),
);

// The student record takes a number, not filters: a lookup form sends
// it here and is redirected to the record's own URL.
reportRoutes.get("/reports/students", requireReports, (c) => {
  const parsed = StudentLookupSchema.safeParse(c.req.query());
  const number = parsed.success ? parsed.data.number : undefined;
  const meta = describeReport(c, {
    title: "Student record",
    path: "/reports/students",
    filters: [],
    csvHref: null,
  });
  if (!parsed.success || (number && !hasStudentNumber(c.var.deps.db, number))) {
    const error = parsed.success
      ? `No student has the number ${number}`
      : parsed.error.issues[0]!.message;
    const value = c.req.query("number");
    const region = (
      <StudentLookupRegion meta={meta} value={value} error={error} />
    );
    return render(c, meta.title, region, 422);
  }
  if (!number) {
    return render(c, meta.title, <StudentLookupRegion meta={meta} />);
  }
  return c.redirect(`/reports/students/${encodeURIComponent(number)}`, 303);
});

reportRoutes.get("/reports/students/:number", requireReports, (c) => {
  const parsed = StudentLookupSchema.safeParse({
    number: c.req.param("number"),
    format: c.req.query("format"),
  });
  if (!parsed.success || !parsed.data.number) {
    throw new NotFoundError("No student has this number");
  }
  const { number, format } = parsed.data;

  const record = buildStudentRecord(c.var.deps.db, number);

  if (format === "csv") {
    return csvResponse({
      report: `student-record-${record.student.number.replace(/[^\w-]/g, "")}`,
      header: STUDENT_RECORD_CSV_HEADER,
      nextBatch: batchesOf(studentRecordCsvRows(record)),
    });
  }
  const path = `/reports/students/${encodeURIComponent(record.student.number)}`;
  const meta = describeReport(c, {
    title: `Student record: ${record.student.firstName} ${record.student.lastName}`,
    path,
    filters: [
      { label: "Student number", value: record.student.number },
      { label: "Clearance on", value: record.at },
    ],
    csvHref: `${path}?format=csv`,
  });
  const region = <StudentRecordRegion meta={meta} record={record} />;
  return render(c, meta.title, region);
});

reportRoutes.get(
  "/reports/expiring",
  requireReports,
  defineReport({
    name: "expiring",
    path: "/reports/expiring",
    schema: ExpiringFiltersSchema,
    title: () => "Expiring badges",
    describe: (f) => [
      { label: "Window", value: `${f.days} days from ${today()}` },
    ],
    build: (db, f) => buildExpiringReport(db, f.days),
    csv: (db, f) => ({
      header: EXPIRING_CSV_HEADER,
      nextBatch: batchesOf(expiringCsvRows(buildExpiringReport(db, f.days))),
    }),
    options: noOptions,
    render: (p) => <ExpiringRegion {...p} rowsShown={ROWS_SHOWN} />,
  }),
);

reportRoutes.get(
  "/reports/usage",
  requireReports,
  defineReport({
    name: "usage",
    path: "/reports/usage",
    schema: UsageFiltersSchema,
    title: () => "Machine usage",
    describe: (f) => [
      { label: "Period", value: `${f.from} to ${f.to}` },
      { label: "Machine", value: f.machine ?? "All machines" },
      { label: "Area", value: f.area ?? "All areas" },
    ],
    build: (db, f) => buildUsageReport(db, f),
    csv: (db, f) => ({
      header: USAGE_CSV_HEADER,
      nextBatch: usageCsvBatches(db, f),
    }),
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

reportRoutes.get(
  "/reports/denials",
  requireReports,
  defineReport({
    name: "denials",
    path: "/reports/denials",
    schema: DenialFiltersSchema,
    title: () => "Denied scans",
    describe: (f) => [{ label: "Period", value: `${f.from} to ${f.to}` }],
    build: (db, f) => buildDenialReport(db, f, ROWS_SHOWN),
    csv: (db, f) => ({
      header: DENIALS_CSV_HEADER,
      nextBatch: denialCsvBatches(db, f),
    }),
    options: noOptions,
    render: (p) => <DenialsRegion {...p} rowsShown={ROWS_SHOWN} />,
  }),
);

reportRoutes.get(
  "/reports/badges",
  requireReports,
  defineReport({
    name: "badges",
    path: "/reports/badges",
    schema: BadgeSummaryFiltersSchema,
    title: () => "Badge summary",
    describe: (f) => [
      { label: "Holders on", value: today() },
      { label: "Awards per month", value: `the last ${f.months} months` },
    ],
    build: (db, f) => buildBadgeSummary(db, f.months),
    csv: (db, f) => {
      const summary = buildBadgeSummary(db, f.months);
      const { header, rows } = badgeSummaryCsv(db, summary);
      return { header, nextBatch: batchesOf(rows) };
    },
    options: noOptions,
    render: (p) => <BadgeSummaryRegion {...p} />,
  }),
);
