import { useTranslation } from "~/utils/i18n-react";

const colours: Record<string, string> = {
  pending: "bg-amber-100 text-amber-900",
  verified: "bg-green-100 text-green-900",
  rejected: "bg-red-100 text-red-900",
  suspended: "bg-gray-200 text-gray-800",
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${colours[status] ?? "bg-gray-100"}`}>{t(`status.${status}`)}</span>;
}
