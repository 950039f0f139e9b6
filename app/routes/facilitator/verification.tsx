import { useTranslation } from "~/utils/i18n-react";
import { data, Form, useActionData, useLoaderData } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { localName } from "~/utils/i18n";
import {
  DecisionSchema,
  decideRegistration,
  listPendingRegistrations,
  listVerifiedRegistrations,
  SuspensionSchema,
  suspendRegistration,
} from "~/domain/organisations/verification.server";
import { db } from "~/utils/db.server";
import { formatDate, formatPhone } from "~/utils/format";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { getFacilitatorScope, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/verification";

function contactOf(user: { phone: string | null; email: string | null }) {
  return [user.phone ? formatPhone(user.phone) : null, user.email].filter(Boolean).join(", ");
}

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "facilitator");
  const scope = await getFacilitatorScope(user.id);
  const [{ organisations, companies }, verified] = await Promise.all([listPendingRegistrations(db, scope), listVerifiedRegistrations(db, scope)]);
  const { locale } = state;
  return {
    verified: {
      organisations: verified.organisations.map((o) => ({
        id: o.id,
        name: localName(o, locale),
        place: `${localName(o.village, locale)}, ${localName(o.village.district, locale)}`,
      })),
      companies: verified.companies.map((c) => ({ id: c.id, name: c.name, place: `${c.licenceNumber} · ${localName(c.baseProvince, locale)}` })),
    },
    organisations: organisations.map((o) => ({
      id: o.id,
      name: localName(o, locale),
      type: o.type,
      place: `${localName(o.village, locale)}, ${localName(o.village.district, locale)}`,
      registeredAt: formatDate(o.createdAt, locale),
      leaders: o.leaders.map((l) => ({ name: l.user.name, contact: contactOf(l.user) })),
    })),
    companies: companies.map((c) => ({
      id: c.id,
      name: c.name,
      licenceNumber: c.licenceNumber,
      place: localName(c.baseProvince, locale),
      registeredAt: formatDate(c.createdAt, locale),
      leaders: c.staff.map((s) => ({ name: s.user.name, contact: contactOf(s.user) })),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "facilitator");
  const formData = await request.formData();
  if (formData.get("intent") === "suspend") return suspend(state, user, formData);
  const parsed = parseForm(DecisionSchema, formData);
  if (!parsed.ok) return data({ ...parsed, id: parsed.values.id ?? null, message: null }, { status: 400 });
  const result = await decideRegistration(db, user, await getFacilitatorScope(user.id), parsed.data);
  if (result.ok) {
    const key = parsed.data.intent === "verify" ? "verification:verified" : "verification:rejected";
    return { ok: true as const, id: parsed.data.id, message: { key, params: { name: result.name } } };
  }
  if (result.reason === "alreadyDecided") {
    return data(
      { ok: false as const, fieldErrors: {} as FieldErrors, values: {}, id: parsed.data.id, message: { key: "verification:alreadyDecided", params: {} } },
      { status: 409 },
    );
  }
  if (result.reason === "outOfScope") throw data({ message: state.t("verification:notYourDistrict") }, { status: 403 });
  throw data({ message: state.t("errors:404.text") }, { status: 404 });
}

async function suspend(state: ReturnType<typeof getRequestState>, user: { id: string }, formData: FormData) {
  const parsed = parseForm(SuspensionSchema, formData);
  if (!parsed.ok) return data({ ...parsed, id: parsed.values.id ?? null, message: null }, { status: 400 });
  const result = await suspendRegistration(db, user, await getFacilitatorScope(user.id), parsed.data);
  if (result.ok) return { ok: true as const, id: parsed.data.id, message: { key: "reports:suspend.done", params: { name: result.name } } };
  if (result.reason === "notVerified") {
    return data(
      { ok: false as const, fieldErrors: {} as FieldErrors, values: {}, id: parsed.data.id, message: { key: "reports:suspend.notVerified", params: {} } },
      { status: 409 },
    );
  }
  if (result.reason === "outOfScope") throw data({ message: state.t("verification:notYourDistrict") }, { status: 403 });
  throw data({ message: state.t("errors:404.text") }, { status: 404 });
}

type Verified = { id: string; name: string; place: string };

function SuspendForm({ kind, item }: { kind: "organisation" | "company"; item: Verified }) {
  const { t } = useTranslation("reports");
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok && actionData.id === item.id;
  const reasonError = failed ? actionData.fieldErrors.reason : undefined;
  return (
    <details open={!!reasonError} className="rounded border border-gray-200 bg-white p-3">
      <summary className="cursor-pointer">
        <span className="font-semibold">{item.name}</span> <span className="text-sm text-gray-700">· {item.place}</span>
      </summary>
      <Form method="post" className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={item.id} />
        <div className="flex-1">
          <TextField name="reason" label={t("suspend.reason")} error={reasonError} required />
        </div>
        <Button name="intent" value="suspend" variant="danger">
          {t("suspend.action")} <span className="sr-only">{item.name}</span>
        </Button>
      </Form>
    </details>
  );
}

type Pending = Awaited<ReturnType<typeof loader>>["organisations"][number] | Awaited<ReturnType<typeof loader>>["companies"][number];

function DecisionForms({ kind, item }: { kind: "organisation" | "company"; item: Pending }) {
  const { t } = useTranslation("verification");
  const actionData = useActionData<typeof action>();
  const reasonError = actionData && !actionData.ok && actionData.id === item.id ? actionData.fieldErrors.reason : undefined;
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Form method="post">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={item.id} />
        <Button name="intent" value="verify">
          {t("verify")} <span className="sr-only">{item.name}</span>
        </Button>
      </Form>
      <Form method="post" className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={item.id} />
        <div className="flex-1">
          <TextField name="reason" label={t("reason")} error={reasonError} />
        </div>
        <Button name="intent" value="reject" variant="danger">
          {t("reject")} <span className="sr-only">{item.name}</span>
        </Button>
      </Form>
    </div>
  );
}

export default function VerificationQueue() {
  const { t } = useTranslation("verification");
  const { organisations, companies, verified } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const message = actionData?.message;
  return (
    <section className="flex flex-col gap-4">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {message ? <Notice tone={actionData?.ok ? "info" : "warning"}>{t(message.key, message.params)}</Notice> : null}
      <h2 className="text-xl font-bold">{t("organisations")}</h2>
      {organisations.length === 0 ? <p>{t("emptyOrganisations")}</p> : null}
      <ul className="flex flex-col gap-3">
        {organisations.map((o) => (
          <li key={o.id} className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-4">
            <h3 className="text-lg font-bold">{o.name}</h3>
            <p className="text-sm">
              {t(`common:orgType.${o.type}`)} · {o.place} · {t("registeredAt", { date: o.registeredAt })}
            </p>
            {o.leaders.map((l) => (
              <p key={l.name} className="text-sm">
                {t("registeredBy", { name: l.name, contact: l.contact })}
              </p>
            ))}
            <DecisionForms kind="organisation" item={o} />
          </li>
        ))}
      </ul>
      <h2 className="text-xl font-bold">{t("companies")}</h2>
      {companies.length === 0 ? <p>{t("emptyCompanies")}</p> : null}
      <ul className="flex flex-col gap-3">
        {companies.map((c) => (
          <li key={c.id} className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-4">
            <h3 className="text-lg font-bold">{c.name}</h3>
            <p className="text-sm">
              {t("licence", { licence: c.licenceNumber })} · {c.place} · {t("registeredAt", { date: c.registeredAt })}
            </p>
            {c.leaders.map((l) => (
              <p key={l.name} className="text-sm">
                {t("registeredBy", { name: l.name, contact: l.contact })}
              </p>
            ))}
            <DecisionForms kind="company" item={c} />
          </li>
        ))}
      </ul>
      <h2 className="text-xl font-bold">{t("reports:suspend.heading")}</h2>
      <p>{t("reports:suspend.intro")}</p>
      <h3 className="text-lg font-bold">{t("reports:suspend.organisations")}</h3>
      {verified.organisations.length === 0 ? <p>{t("reports:suspend.emptyOrganisations")}</p> : null}
      <ul className="flex flex-col gap-2">
        {verified.organisations.map((o) => (
          <li key={o.id}>
            <SuspendForm kind="organisation" item={o} />
          </li>
        ))}
      </ul>
      <h3 className="text-lg font-bold">{t("reports:suspend.companies")}</h3>
      {verified.companies.length === 0 ? <p>{t("reports:suspend.emptyCompanies")}</p> : null}
      <ul className="flex flex-col gap-2">
        {verified.companies.map((c) => (
          <li key={c.id}>
            <SuspendForm kind="company" item={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
