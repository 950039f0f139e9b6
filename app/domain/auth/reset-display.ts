import { formatDate } from "~/utils/format";
import { isLocale } from "~/utils/i18n";

/** When a reset code stops working, in the portal's time zone (UTC+7): the date and hh:mm. */
export function formatResetExpiry(iso: string, locale: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const time = `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
  return `${formatDate(iso, isLocale(locale) ? locale : "lo")} ${time}`;
}
