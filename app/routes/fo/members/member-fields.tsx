// The fields of the add and edit forms, shared by both pages.
import { useTranslation } from "~/utils/i18n-react";
import { RadioGroup, SelectField, TextField, type Option } from "~/components/ui/field";
import { memberSexes } from "~/domain/members/member-schema";

export function MemberFields({ villages, values, errors }: { villages: Option[]; values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useTranslation("members");
  const sexOptions = memberSexes.map((sex) => ({ value: sex, label: t(`common:sex.${sex}`) }));
  return (
    <>
      <TextField name="name" label={t("fields.name")} hint={t("fields.nameHint")} defaultValue={values.name} error={errors.name} required />
      <RadioGroup name="memberSex" legend={t("fields.memberSex")} options={sexOptions} defaultValue={values.memberSex} error={errors.memberSex} />
      <RadioGroup
        name="householdHeadSex"
        legend={t("fields.householdHeadSex")}
        options={sexOptions}
        defaultValue={values.householdHeadSex}
        error={errors.householdHeadSex}
      />
      <TextField
        name="birthYear"
        label={t("fields.birthYear")}
        hint={t("fields.birthYearHint")}
        inputMode="numeric"
        defaultValue={values.birthYear}
        error={errors.birthYear}
        required
      />
      <SelectField
        name="villageId"
        label={t("fields.village")}
        placeholder={t("fields.chooseVillage")}
        options={villages}
        defaultValue={values.villageId}
        error={errors.villageId}
        required
      />
      <TextField
        name="phone"
        type="tel"
        inputMode="tel"
        label={t("fields.phone")}
        hint={t("fields.phoneHint")}
        defaultValue={values.phone}
        error={errors.phone}
      />
    </>
  );
}
