import type { Child } from "hono/jsx";
import { CsrfField, Document } from "../layout";
import { MachineTiles, type KioskMachine } from "./machine-tiles";

export type KioskSetup = {
  title: string; // "Machine Shop kiosk"
  pinned: { code: string; name: string } | null;
  area: string | null;
  staff: { name: string; role: string } | null;
  machines: KioskMachine[];
};

/**
 * The full-screen kiosk. public/kiosk.js posts the scan form and puts each
 * answer into the status region; without it the form still works.
 */
export function KioskPage(props: {
  setup: KioskSetup;
  csrfToken: string;
  outcome?: Child; // a scan's answer, when the form was posted without JS
}) {
  const { setup } = props;
  const areaQuery = setup.area ? `?area=${encodeURIComponent(setup.area)}` : "";
  return (
    <Document
      title={setup.title}
      csrfToken={props.csrfToken}
      bodyClass="kiosk-body"
      noindex
      styles={["/public/kiosk.css"]}
      scripts={["/public/kiosk.js"]}
    >
      <main
        id="main"
        class="kiosk"
        data-state="ready"
        data-mode={setup.pinned ? "pinned" : "shared"}
      >
        <header class="kiosk-bar">
          <h1>{setup.title}</h1>
          <p id="kiosk-target" class="kiosk-target" aria-live="polite">
            {setup.pinned
              ? `${setup.pinned.name} (${setup.pinned.code}): scan a card`
              : "Scan a card, or tap a machine first"}
          </p>
          {setup.staff && (
            <p class="kiosk-staff">
              {setup.staff.name} ({setup.staff.role})
            </p>
          )}
          <button
            type="button"
            id="camera-toggle"
            class="kiosk-camera"
            aria-pressed="false"
          >
            Camera
          </button>
        </header>

        <ScanForm setup={setup} csrfToken={props.csrfToken} />
        <video id="camera-view" class="camera-view" hidden muted playsinline />

        <div id="kiosk-status" class="kiosk-status" role="status">
          {props.outcome}
        </div>
        <div id="kiosk-actions" class="kiosk-actions" />

        <section id="kiosk-ready" class="kiosk-ready" aria-label="Machines">
          <div id="kiosk-machines" data-poll={`/kiosk/occupancy${areaQuery}`}>
            <MachineTiles
              machines={setup.machines}
              selectable={!setup.pinned}
            />
          </div>
        </section>
      </main>
    </Document>
  );
}

function ScanForm(props: { setup: KioskSetup; csrfToken: string }) {
  const { setup } = props;
  return (
    <form
      id="scan-form"
      class="scan-form"
      method="post"
      action="/kiosk/scan"
      autocomplete="off"
    >
      <CsrfField token={props.csrfToken} />
      <input
        type="hidden"
        id="scan-machine"
        name="machine"
        value={setup.pinned?.code ?? ""}
      />
      <input type="hidden" id="scan-student" name="student" value="" />
      {setup.area && <input type="hidden" name="area" value={setup.area} />}
      <label for="scan-input">Scan</label>
      <input
        id="scan-input"
        name="scanned"
        type="text"
        required
        autofocus
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        enterkeyhint="go"
      />
      <button type="submit">Check</button>
    </form>
  );
}

/** A staff member with no area chosen picks one. */
export function KioskAreaPage(props: { areas: string[]; csrfToken: string }) {
  return (
    <Document
      title="Choose an area"
      csrfToken={props.csrfToken}
      bodyClass="kiosk-body"
      noindex
      styles={["/public/kiosk.css"]}
    >
      <main id="main" class="kiosk kiosk-areas">
        <h1>Which area is this kiosk for?</h1>
        {props.areas.length === 0 ? (
          <p>No machines have been added yet.</p>
        ) : (
          <ul class="area-links">
            {props.areas.map((area) => (
              <li>
                <a
                  class="button"
                  href={`/kiosk?area=${encodeURIComponent(area)}`}
                >
                  {area}
                </a>
              </li>
            ))}
          </ul>
        )}
      </main>
    </Document>
  );
}
