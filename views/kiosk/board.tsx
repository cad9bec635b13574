import { CsrfField, Layout, type PageContext } from "../layout";
import { clockTime, MachineStatus, type KioskMachine } from "./machine-tiles";

/** The staff occupancy board: every machine, who is on it, since when. */
export function BoardPage(props: {
  ctx: PageContext;
  area: string | null;
  areas: string[];
  machines: KioskMachine[];
}) {
  return (
    <Layout title="Occupancy" ctx={props.ctx} styles={["/public/kiosk.css"]}>
      <h1>Occupancy{props.area && `: ${props.area}`}</h1>
      <nav aria-label="Areas" class="actions">
        <a href="/kiosk/board" aria-current={props.area ? undefined : "page"}>
          All areas
        </a>
        {props.areas.map((a) => (
          <a
            href={`/kiosk/board?area=${encodeURIComponent(a)}`}
            aria-current={a === props.area ? "page" : undefined}
          >
            {a}
          </a>
        ))}
      </nav>
      <BoardRegion
        area={props.area}
        machines={props.machines}
        csrfToken={props.ctx.csrfToken}
      />
    </Layout>
  );
}

/** The part that refreshes itself every 5 s (htmx polling). */
export function BoardRegion(props: {
  area: string | null;
  machines: KioskMachine[];
  csrfToken: string;
}) {
  const query = props.area ? `?area=${encodeURIComponent(props.area)}` : "";
  return (
    <div
      id="board"
      hx-get={`/kiosk/board${query}`}
      hx-trigger="every 5s"
      hx-swap="outerMorph"
    >
      {props.machines.length === 0 ? (
        <p>No machines here yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              Machines and who is on them
            </caption>
            <thead>
              <tr>
                <th scope="col">Machine</th>
                <th scope="col">Area</th>
                <th scope="col">Status</th>
                <th scope="col">Sessions</th>
              </tr>
            </thead>
            <tbody>
              {props.machines.map((m) => (
                <BoardRow
                  machine={m}
                  csrfToken={props.csrfToken}
                  query={query}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function BoardRow(props: {
  machine: KioskMachine;
  csrfToken: string;
  query: string;
}) {
  const m = props.machine;
  return (
    <tr>
      <th scope="row">
        {m.name} <span class="muted">{m.code}</span>
      </th>
      <td>{m.area}</td>
      <td>
        <MachineStatus machine={m} />
      </td>
      <td>
        {m.occupants.length === 0 && <span class="muted">Nobody</span>}
        <ul class="board-sessions">
          {m.occupants.map((o) => (
            <li>
              {o.studentName} since{" "}
              <time datetime={o.since.toISOString()}>{clockTime(o.since)}</time>
              <form
                method="post"
                action={`/kiosk/sessions/${o.sessionId}/end${props.query}`}
                hx-post={`/kiosk/sessions/${o.sessionId}/end${props.query}`}
                hx-target="#board"
                hx-swap="outerHTML"
                class="inline-form"
              >
                <CsrfField token={props.csrfToken} />
                <button type="submit" class="secondary">
                  End session
                  <span class="visually-hidden">
                    {" "}
                    of {o.studentName} on {m.name}
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
