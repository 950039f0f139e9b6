import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { RadioGroup, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { loadContractFor } from "~/domain/contracts/contract-view.server";
import { frameworkLinks, proposeFramework } from "~/domain/frameworks/framework.server";
import { MAX_NOTICE_DAYS, MAX_SEASONS, MIN_NOTICE_DAYS, MIN_SEASONS } from "~/domain/frameworks/framework-text";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import { ProposeFrameworkSchema } from "../frameworks/schema.server";
import type { Route } from "./+types/framework";

// Only a party (the FO's leaders, the trader company's staff) proposes a
// framework on its signed contract; a facilitator of the district may not.
async function partyContract(state: ReturnType<typeof getRequestState>, contractId: string) {
  const user = requireUser(state);
  const found = await loadContractFor(db, user, contractId);
  if (!found) notFound(state);
  if (!found.roles.fo && !found.roles.trader) forbidden(state);
  const links = await frameworkLinks(db, found.contract.id);
  // One framework per contract, and none on a call-off: the page is the existing framework's.
  if (links.base) throw redirect(`/frameworks/${links.base.id}`);
  if (links.callOffOf) throw redirect(`/frameworks/${links.callOffOf.id}`);
  return { user, contract: found.contract };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { contract } = await partyContract(state, params.contractId);
  return {
    contract: { id: contract.id, number: contract.number },
    signed: ["active", "completed"].includes(contract.status),
    values: { firstSeason: String(new Date().getUTCFullYear() + 1), seasons: "3", renewal: "none", noticeDays: "90", rightOfFirstRefusal: "no" },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const { user, contract } = await partyContract(state, params.contractId);
  const parsed = parseForm(ProposeFrameworkSchema, await request.formData());
  if (!parsed.ok) return data({ ...parsed, message: null }, { status: 400 });
  const result = await proposeFramework(db, user, contract.id, parsed.data);
  if (result.ok) throw redirect(`/frameworks/${result.frameworkId}?done=proposed`);
  return refusalResponse(state, result, {
    messages: "frameworks:errors",
    body: { ok: false as const, fieldErrors: {} as Record<string, string>, values: {} as Record<string, string> },
  });
}

export default function ProposeFramework() {
  const { t } = useTranslation("frameworks");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = { ...d.values, ...actionData?.values };
  const title = t("propose.title", { number: d.contract.number });
  return (
    <section className="flex max-w-xl flex-col gap-4">
      <title>{title}</title>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{t("propose.intro", { number: d.contract.number })}</p>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      {!d.signed ? (
        <Notice tone="warning">{t("propose.notSigned")}</Notice>
      ) : (
        <Form method="post" className="flex flex-col gap-3 rounded border border-gray-200 bg-white p-4" noValidate>
          <TextField name="firstSeason" inputMode="numeric" label={t("propose.firstSeason")} defaultValue={values.firstSeason} error={errors.firstSeason} />
          <TextField
            name="seasons"
            inputMode="numeric"
            label={t("propose.seasons")}
            hint={t("propose.seasonsHint", { min: MIN_SEASONS, max: MAX_SEASONS })}
            defaultValue={values.seasons}
            error={errors.seasons}
          />
          <RadioGroup
            name="renewal"
            legend={t("propose.renewal")}
            options={[
              { value: "none", label: t("propose.renewalNone") },
              { value: "yearly", label: t("propose.renewalYearly") },
            ]}
            defaultValue={values.renewal}
            error={errors.renewal}
          />
          <TextField
            name="noticeDays"
            inputMode="numeric"
            label={t("propose.noticeDays")}
            hint={t("propose.noticeDaysHint", { min: MIN_NOTICE_DAYS, max: MAX_NOTICE_DAYS })}
            defaultValue={values.noticeDays}
            error={errors.noticeDays}
          />
          <RadioGroup
            name="rightOfFirstRefusal"
            legend={t("propose.rightOfFirstRefusal")}
            options={[
              { value: "no", label: t("propose.no") },
              { value: "yes", label: `${t("propose.yes")}: ${t("propose.rightOfFirstRefusalHint")}` },
            ]}
            defaultValue={values.rightOfFirstRefusal}
            error={errors.rightOfFirstRefusal}
          />
          <Button>{t("propose.submit")}</Button>
        </Form>
      )}
      <p>
        <Link to={`/contracts/${d.contract.id}`} className="text-brand-700 underline">
          {t("propose.back", { number: d.contract.number })}
        </Link>
      </p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
