import { FormError, TextField } from "../fields";
import { CsrfField, Layout, type PageContext } from "../layout";

/** Pairing a kiosk browser: type the secret an admin was shown once. */
export function PairPage(props: {
  ctx: PageContext;
  error?: string;
  secret?: string;
}) {
  return (
    <Layout title="Pair this kiosk" ctx={props.ctx}>
      <h1>Pair this kiosk</h1>
      <p>
        An admin registers the kiosk under Devices and is shown its secret once.
        Type it here; this browser then stays paired until the device is
        revoked.
      </p>
      <form method="post" action="/kiosk/pair" class="narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <FormError message={props.error && "That secret did not pair."} />
        <TextField
          name="secret"
          label="Device secret"
          type="password"
          value={props.secret}
          error={props.error}
          required
          autocomplete="off"
        />
        <button type="submit">Pair</button>
      </form>
    </Layout>
  );
}
