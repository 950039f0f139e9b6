// The board as the text of one SMS, with its length and parts, and a link to
// the same text as plain text (for a phone that forwards it, or a gateway).
import { Link } from "~/components/ui/link";
import type { PriceText } from "~/domain/prices/price-text";
import { useTranslation } from "~/utils/i18n-react";

export function PriceTextPanel({ text, href }: { text: PriceText; href: string }) {
  const { t } = useTranslation("priceboard");
  return (
    <section aria-labelledby="sms-title" className="no-print flex flex-col gap-2 rounded border border-gray-200 bg-white p-3">
      <h2 id="sms-title" className="text-xl font-bold">
        {t("text.title")}
      </h2>
      <p className="text-sm">{t("text.intro", { length: String(text.text.length), parts: String(text.parts) })}</p>
      <p className="rounded bg-earth-50 p-2 text-lg whitespace-pre-wrap" data-sms-text>
        {text.text}
      </p>
      <p>
        <Link to={href} className="font-semibold text-brand-700 underline" reloadDocument>
          {t("public.textLink")}
        </Link>
      </p>
    </section>
  );
}
