import { useTranslation } from "~/utils/i18n-react";

/** A label in Lao then English: a printed contract is read by both parties. */
export function Both({ k, values }: { k: string; values?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <span lang="lo">{t(k, { ...values, lng: "lo" })}</span> / <span lang="en">{t(k, { ...values, lng: "en" })}</span>
    </>
  );
}
