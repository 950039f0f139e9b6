// The confirmation of an offer's irreversible steps (docs/decisions/0012):
// the FO accepting, the trader accepting the FO's counter-offer or withdrawing.
// A section of the offer's own page, reached by ?confirm=<intent>#confirm,
// that says the consequence in plain words and holds the only form that does
// it, with confirmed=yes; the server refuses the intent without it.
import { Form } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";

export const confirmedIntents = ["accept", "acceptCounter", "withdraw"] as const;
export type ConfirmedIntent = (typeof confirmedIntents)[number];

export const confirmPath = (offerId: string, intent: ConfirmedIntent) => `/offers/${offerId}?confirm=${intent}#confirm`;

export function OfferConfirmation({
  intent,
  revision,
  consequence,
  yes,
  title,
  back,
}: {
  intent: ConfirmedIntent;
  revision: number;
  title: string;
  /** the consequence, one paragraph a line, in plain words and with the figures */
  consequence: string[];
  yes: string;
  back: { to: string; label: string };
}) {
  return (
    <section id="confirm" aria-labelledby="confirm-title" className="no-print scroll-mt-4 rounded border-2 border-brand-600 bg-brand-50 p-4">
      <h2 id="confirm-title" className="text-lg font-bold">
        {title}
      </h2>
      {consequence.map((line, i) => (
        <p key={i} className={i === 0 ? "my-2" : "my-2 font-semibold"}>
          {line}
        </p>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Form method="post">
          <input type="hidden" name="revision" value={revision} />
          <input type="hidden" name="confirmed" value="yes" />
          <Button name="intent" value={intent} variant={intent === "withdraw" ? "danger" : "primary"}>
            {yes}
          </Button>
        </Form>
        <Link to={back.to} className="font-semibold text-brand-700 underline">
          {back.label}
        </Link>
      </div>
    </section>
  );
}
