import type { ReactNode } from "react";

const tones = {
  info: "border-brand-500 bg-brand-50 text-brand-900",
  warning: "border-amber-500 bg-amber-50 text-amber-900",
  error: "border-red-700 bg-red-50 text-red-900",
};

export function Notice({ tone = "info", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border-l-4 p-3 ${tones[tone]}`}>
      {children}
    </div>
  );
}
