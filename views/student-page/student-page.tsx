import type {
  HeldBadge,
  MachineClearance,
  StudentPageData,
} from "../../src/student-page/service";
import { PublicPage } from "../catalog/public-frame";
import { typeAndLevel } from "../catalog/words";
import { AwardStatusPill } from "../clearance/award-status";
import { ClearanceStatus } from "../clearance/clearance-status";
import { StudentReasons } from "./status";

/** The student's own page: badges, machines by area, recent sessions. */
export function StudentPage(props: { data: StudentPageData; token: string }) {
  const { data } = props;
  return (
    <PublicPage title="My clearances" noindex>
      <h1>{data.name}</h1>
      <p class="lede">
        What you may use in the shop on {data.at}, and what you still need.
      </p>
      <p class="actions">
        <a class="button" href={`/s/${props.token}/card`}>
          Show my card
        </a>
      </p>

      <section aria-labelledby="badges-h">
        <h2 id="badges-h">My badges</h2>
        {data.badges.length === 0 ? (
          <p>You hold no badge yet. Start with the shop safety badge.</p>
        ) : (
          <ul class="tiles">
            {data.badges.map((b) => (
              <BadgeTile badge={b} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="machines-h">
        <h2 id="machines-h">Machines</h2>
        {data.areas.map((area) => (
          <section aria-label={area.area}>
            <h3>{area.area}</h3>
            <ul class="tiles">
              {area.machines.map((m) => (
                <MachineTile machine={m} />
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">My recent sessions</h2>
        {data.sessions.length === 0 ? (
          <p>No sessions yet.</p>
        ) : (
          <ul class="sessions">
            {data.sessions.map((s) => (
              <li>
                <strong>{s.machineName}</strong>{" "}
                <span class="muted">({s.machineCode})</span>
                <br />
                {timeRange(s.startedAt, s.endedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </PublicPage>
  );
}

function BadgeTile(props: { badge: HeldBadge }) {
  const b = props.badge;
  return (
    <li class="tile">
      <p class="tile-title">
        <a href={`/badges/${b.slug}`}>{b.name}</a>
      </p>
      <p class="tile-status">
        <AwardStatusPill status={b.status} expiresOn={b.expiresOn} />
      </p>
      <dl class="facts">
        <dt>Type</dt>
        <dd>{typeAndLevel(b)}</dd>
        <dt>Issued</dt>
        <dd>{b.issuedOn}</dd>
        {b.status === "revoked" && b.revokedOn ? (
          <>
            <dt>Revoked</dt>
            <dd>{b.revokedOn}</dd>
          </>
        ) : (
          <>
            <dt>Expires</dt>
            <dd>{b.expiresOn ?? "Never"}</dd>
          </>
        )}
      </dl>
    </li>
  );
}

function MachineTile(props: { machine: MachineClearance }) {
  const m = props.machine;
  return (
    <li class="tile">
      <p class="tile-title">
        {m.name} <span class="muted">({m.code})</span>
      </p>
      <p class="tile-status">
        <ClearanceStatus cleared={m.cleared} />
      </p>
      {!m.cleared && (
        <>
          <StudentReasons reasons={m.reasons} />
          <p class="needs">
            <span class="muted">Needs:</span> {m.needs}
          </p>
        </>
      )}
    </li>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

function clock(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

function day(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

// "2026-12-03 14:05 - 15:30" in the shop's local time.
function timeRange(start: Date, end: Date | null): string {
  const from = `${day(start)} ${clock(start)}`;
  if (!end) return `${from} - still signed in`;
  const to = day(end) === day(start) ? clock(end) : `${day(end)} ${clock(end)}`;
  return `${from} - ${to}`;
}
