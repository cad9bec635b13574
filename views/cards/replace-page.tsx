import { CsrfField, Layout, type PageContext } from "../layout";

/** Asks before replacing a student's card: the old one stops at once. */
export function ReplaceCardPage(props: {
  ctx: PageContext;
  student: { name: string; number: string };
}) {
  const { student } = props;
  const number = encodeURIComponent(student.number);
  return (
    <Layout title={`Replace the card of ${student.name}`} ctx={props.ctx}>
      <h1>Replace the card of {student.name}?</h1>
      <p>
        Student number {student.number}. A new QR code is issued and the old
        card stops working at once: scanning it at a kiosk will say "This card
        was replaced". Do this when a card is lost or someone else may have its
        link.
      </p>
      <form method="post" action={`/students/${number}/card/replace`}>
        <CsrfField token={props.ctx.csrfToken} />
        <p class="actions">
          <button type="submit" class="danger">
            Replace the card
          </button>
          <a class="button secondary" href={`/students/${number}/card`}>
            Cancel
          </a>
        </p>
      </form>
    </Layout>
  );
}
