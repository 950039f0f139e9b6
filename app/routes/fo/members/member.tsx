import { useTranslation } from "~/utils/i18n-react";
import { data, Form, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { MemberSchema } from "~/domain/members/member-schema";
import { deactivateMember, getMember, reactivateMember, updateMember } from "~/domain/members/register.server";
import { ConsentFormSchema } from "~/domain/members/sms-consent";
import { recordConsent, withdrawConsent } from "~/domain/members/sms-consent.server";
import { db } from "~/utils/db.server";
import { formFailure, parseForm } from "~/utils/forms";
import { notFound } from "~/utils/permissions.server";
import { formatPhone } from "~/utils/format";
import { getRequestState } from "~/utils/request-state.server";
import { IntentSchema } from "./member-schema.server";
import type { Route } from "./+types/member";
import { backToRegister, requireRegister } from "./access.server";
import { registerPath } from "./paths";
import { MemberFields } from "./member-fields";
import { SmsConsentSection } from "./sms-consent-section";
import { smsView } from "./sms-view.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisation, villages } = await requireRegister(state, params.organisationId);
  const member = await getMember(db, organisation.id, params.memberId);
  if (!member) notFound(state);
  return {
    organisation,
    villages,
    member: {
      id: member.id,
      name: member.name,
      active: member.active,
      values: {
        name: member.name,
        householdHeadSex: member.householdHeadSex,
        memberSex: member.memberSex,
        birthYear: String(member.birthYear),
        villageId: member.villageId,
        phone: formatPhone(member.phone),
      },
    },
    sms: await smsView(organisation.id, member),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const { user, organisation } = await requireRegister(state, params.organisationId);
  const formData = await request.formData();
  const intent = parseForm(IntentSchema, formData);
  if (!intent.ok) return data(intent, { status: 400 });

  if (intent.data.intent === "update") {
    const parsed = parseForm(MemberSchema, formData);
    if (!parsed.ok) return data(parsed, { status: 400 });
    const result = await updateMember(db, user, organisation.id, params.memberId, parsed.data);
    if (result.ok) return backToRegister(organisation.id, "updated", result.member.name);
    if (result.reason === "invalid") return data(formFailure(result.fieldErrors, formData), { status: 400 });
    return notFound(state);
  }

  if (intent.data.intent === "consent" || intent.data.intent === "withdrawConsent") {
    const parsed = intent.data.intent === "consent" ? parseForm(ConsentFormSchema, formData) : null;
    if (parsed && !parsed.ok) return data({ ...parsed, form: "consent" as const }, { status: 400 });
    const result = parsed
      ? await recordConsent(db, user, organisation.id, params.memberId, parsed.data)
      : await withdrawConsent(db, user, organisation.id, params.memberId);
    if (result.ok) {
      const member = await getMember(db, organisation.id, params.memberId);
      return backToRegister(organisation.id, parsed ? "smsGiven" : "smsWithdrawn", member?.name ?? "");
    }
    if (result.reason === "invalid") return data({ ...formFailure(result.fieldErrors, formData), form: "consent" as const }, { status: 400 });
    return notFound(state);
  }

  const change = intent.data.intent === "deactivate" ? deactivateMember : reactivateMember;
  const result = await change(db, user, organisation.id, params.memberId);
  if (!result.ok) return notFound(state);
  return backToRegister(organisation.id, intent.data.intent === "deactivate" ? "deactivated" : "reactivated", result.member.name);
}

export default function EditMember() {
  const { t } = useTranslation("members");
  const { organisation, villages, member, sms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const consentFailed = actionData && "form" in actionData;
  const errors = (!consentFailed && actionData?.fieldErrors) || {};
  const values = (!consentFailed && actionData?.values) || member.values;
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <title>{t("edit.title", { name: member.name })}</title>
      <p>
        <Link to={registerPath(organisation.id)} className="text-brand-700 underline">
          {t("actions.backToRegister", { organisation: organisation.name })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("edit.title", { name: member.name })}</h1>
      <p>
        <span
          className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${member.active ? "bg-green-100 text-green-900" : "bg-gray-200 text-gray-800"}`}
        >
          {t(member.active ? "edit.statusActive" : "edit.statusInactive")}
        </span>
      </p>
      <p>
        <Link to={`${registerPath(organisation.id)}/${encodeURIComponent(member.id)}/passbook`} className="font-semibold text-brand-700 underline">
          {t("reports:passbook.link")}
        </Link>
        <span className="block text-sm text-gray-700">{t("reports:passbook.linkText")}</span>
      </p>
      {Object.keys(errors).length ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="intent" value="update" />
        <MemberFields villages={villages} values={values} errors={errors} />
        <Button>{t("edit.save")}</Button>
      </Form>
      <SmsConsentSection sms={sms} errors={(consentFailed && actionData.fieldErrors) || {}} values={(consentFailed && actionData.values) || {}} />
      <section aria-labelledby="member-status" className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-4">
        <h2 id="member-status" className="text-lg font-bold">
          {t(member.active ? "edit.deactivateHeading" : "edit.reactivateHeading")}
        </h2>
        <p>{t(member.active ? "edit.deactivateText" : "edit.reactivateText")}</p>
        <Form method="post">
          {member.active ? (
            <Button name="intent" value="deactivate" variant="danger">
              {t("edit.deactivate")}
            </Button>
          ) : (
            <Button name="intent" value="reactivate" variant="secondary">
              {t("edit.reactivate")}
            </Button>
          )}
        </Form>
      </section>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
