import { Layout, type PageContext } from "./layout";

const RANK = { staff: 1, supervisor: 2, admin: 3 };

/** The staff start page: find a student, and the day's common tasks. */
export function HomePage(props: { ctx: PageContext }) {
  const role = props.ctx.user?.role ?? "staff";
  const atLeast = (r: keyof typeof RANK) => RANK[role] >= RANK[r];
  return (
    <Layout title="Start" ctx={props.ctx}>
      <h1>ShopPass</h1>
      <form method="get" action="/students" role="search" class="narrow">
        <div class="field">
          <label for="home-q">Find a student</label>
          <input
            id="home-q"
            name="q"
            type="search"
            autocomplete="off"
            aria-describedby="home-q-hint"
          />
          <p class="hint" id="home-q-hint">
            Name, student number or email
          </p>
        </div>
        <button type="submit">Search</button>
      </form>
      <h2>Common tasks</h2>
      <ul>
        <li>
          <a href="/kiosk">Open the kiosk</a> to scan students in and out
        </li>
        <li>
          <a href="/kiosk/board">See who is on which machine</a>
        </li>
        <li>
          <a href="/machines">Machines and what they require</a>
        </li>
        {atLeast("supervisor") && (
          <li>
            <a href="/reports">Print a report</a>: rosters, records, expiring
            badges, usage
          </li>
        )}
        {atLeast("admin") && (
          <li>
            <a href="/admin/devices">Pair a kiosk or interlock</a>
          </li>
        )}
        <li>
          <a href="/badges">The public badge catalog</a>
        </li>
      </ul>
    </Layout>
  );
}
