import { raw } from "hono/html";
import { Document, Layout, type PageContext } from "../layout";

type TagMachine = { code: string; name: string; area: string };

/** A printable tag to stick on a machine: its name, code and QR code. */
export function MachineTagPage(props: {
  ctx: PageContext;
  machine: TagMachine;
  url: string;
  qrSvg: string; // from the qrcode package, our own markup
}) {
  const m = props.machine;
  return (
    <Layout
      title={`Tag for ${m.code}`}
      ctx={props.ctx}
      styles={["/public/kiosk.css"]}
    >
      <p class="no-print">
        Print this page and stick the tag on the machine. Scanning it at a kiosk
        chooses {m.name}.
      </p>
      <article class="machine-tag" aria-label={`Machine tag for ${m.code}`}>
        <h1 class="tag-name">{m.name}</h1>
        <p class="tag-code">{m.code}</p>
        <div class="tag-qr" role="img" aria-label={`QR code of ${props.url}`}>
          {raw(props.qrSvg)}
        </div>
        <p class="tag-area">{m.area}</p>
        <p class="tag-url">{props.url}</p>
      </article>
    </Layout>
  );
}

/** What a phone shows after scanning a machine tag: which machine it is. */
export function MachineLandingPage(props: { machine: TagMachine }) {
  const m = props.machine;
  return (
    <Document title={m.name} noindex styles={["/public/kiosk.css"]}>
      <main id="main" class="machine-landing">
        <h1>{m.name}</h1>
        <p class="tag-code">{m.code}</p>
        <p>{m.area}</p>
        <p>
          This is a machine tag. Scan it at the kiosk to choose this machine,
          then scan your card to sign in.
        </p>
      </main>
    </Document>
  );
}
