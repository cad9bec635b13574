import type { CardData } from "../../src/cards/service";
import type { FieldErrors } from "../../src/lib/errors";
import { FormError, SelectField, TextArea, TextField } from "../fields";
import { Layout, type PageContext } from "../layout";
import { Card } from "./card";

export const CARDS_PER_PAGE = 8; // 2 columns x 4 rows on Letter and A4

type Values = Partial<
  Record<"by" | "since" | "area" | "numbers" | "paper", string>
>;

const CHOICES = [
  { value: "since", label: "Everyone awarded a badge since a date" },
  { value: "area", label: "An area's students" },
  { value: "numbers", label: "A list of student numbers" },
];

/** The card sheet: a filter form, then pages of cards with cut marks. */
export function CardSheetPage(props: {
  ctx: PageContext;
  areas: string[];
  values: Values;
  errors: FieldErrors;
  cards: CardData[] | null;
  unknownNumbers: string[];
}) {
  const { values, errors, cards } = props;
  const paper = values.paper === "a4" ? "a4" : "letter";
  return (
    <Layout title="Card sheet" ctx={props.ctx} styles={["/public/card.css"]}>
      <div class="no-print">
        <h1>Print a sheet of cards</h1>
        <form method="get" action="/cards/sheet" class="narrow sheet-form">
          <FormError message={errors._form} />
          <ByField value={values.by} error={errors.by} />
          <TextField
            name="since"
            label="Awarded since"
            type="date"
            value={values.since}
            error={errors.since}
            hint="For the first choice: awards issued on or after this day."
          />
          <SelectField
            name="area"
            label="Area"
            value={values.area}
            error={errors.area}
            options={[
              { value: "", label: "Choose an area" },
              ...props.areas.map((a) => ({ value: a, label: a })),
            ]}
            hint="Students holding a current badge that a machine of the area asks for (or a higher badge of its track)."
          />
          <TextArea
            name="numbers"
            label="Student numbers"
            rows={5}
            value={values.numbers}
            error={errors.numbers}
            hint="One a line, or separated by commas or spaces."
          />
          <SelectField
            name="paper"
            label="Paper"
            value={paper}
            error={errors.paper}
            options={[
              { value: "letter", label: "Letter (8.5 x 11 in)" },
              { value: "a4", label: "A4 (210 x 297 mm)" },
            ]}
          />
          <button type="submit">Show the cards</button>
        </form>
        {cards && (
          <Summary cards={cards} unknownNumbers={props.unknownNumbers} />
        )}
      </div>
      {cards && cards.length > 0 && <Sheet cards={cards} paper={paper} />}
    </Layout>
  );
}

function ByField(props: { value?: string; error?: string }) {
  return (
    <fieldset
      class={props.error ? "field has-error" : "field"}
      aria-describedby={props.error ? "f-by-error" : undefined}
    >
      <legend>Whose cards</legend>
      {CHOICES.map((choice) => (
        <label class="choice">
          <input
            type="radio"
            name="by"
            value={choice.value}
            checked={props.value === choice.value}
          />{" "}
          {choice.label}
        </label>
      ))}
      {props.error && (
        <p class="error" id="f-by-error">
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

function Summary(props: { cards: CardData[]; unknownNumbers: string[] }) {
  const pages = Math.ceil(props.cards.length / CARDS_PER_PAGE);
  return (
    <div class="sheet-summary" role="status">
      {props.unknownNumbers.length > 0 && (
        <p class="form-error">
          <span aria-hidden="true">⚠ </span>
          No student has{" "}
          {props.unknownNumbers.length === 1
            ? "this number"
            : "these numbers"}: {props.unknownNumbers.join(", ")}
        </p>
      )}
      {props.cards.length === 0 ? (
        <p>No student matches; there is nothing to print.</p>
      ) : (
        <p>
          {props.cards.length} {props.cards.length === 1 ? "card" : "cards"} on{" "}
          {pages} {pages === 1 ? "page" : "pages"}. Print with your browser
          (Ctrl+P) at 100% scale, then cut along the marks.
        </p>
      )}
    </div>
  );
}

function Sheet(props: { cards: CardData[]; paper: "letter" | "a4" }) {
  const pages: CardData[][] = [];
  for (let i = 0; i < props.cards.length; i += CARDS_PER_PAGE) {
    pages.push(props.cards.slice(i, i + CARDS_PER_PAGE));
  }
  return (
    <div class="sheet">
      {pages.map((cards) => (
        <div class={`sheet-page paper-${props.paper}`}>
          <div class="sheet-grid">
            {cards.map((card) => (
              <div class="sheet-slot">
                <span class="cut tl" aria-hidden="true"></span>
                <span class="cut tr" aria-hidden="true"></span>
                <span class="cut bl" aria-hidden="true"></span>
                <span class="cut br" aria-hidden="true"></span>
                <Card card={card} />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
