import { useId, type ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";

type Common = {
  name: string;
  label: string;
  hint?: string;
  /** a translation key from the server, such as "validation:required" */
  error?: string;
  required?: boolean;
};

function FieldShell({ id, label, hint, error, children }: { id: string } & Omit<Common, "name"> & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold text-earth-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-gray-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-700" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

const inputClass =
  "w-full rounded border border-gray-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700 focus:outline-2 focus:outline-brand-500";

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  inputMode,
  id: givenId,
  ...common
}: Common & {
  type?: "text" | "email" | "tel" | "password" | "number" | "date" | "month";
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "tel" | "email";
  /** a fixed id, for an error summary that links to the field */
  id?: string;
}) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const describedBy = [common.hint ? `${id}-hint` : null, common.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <FieldShell id={id} {...common}>
      <input
        id={id}
        name={common.name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={common.required}
        aria-invalid={common.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputClass}
      />
    </FieldShell>
  );
}

/** Several lines of text: a statement, a reason, pasted rows. */
export function TextAreaField({
  rows = 4,
  defaultValue,
  lang,
  mono = false,
  ...common
}: Common & { rows?: number; defaultValue?: string; lang?: string; mono?: boolean }) {
  const id = useId();
  const describedBy = [common.hint ? `${id}-hint` : null, common.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <FieldShell id={id} {...common}>
      <textarea
        id={id}
        name={common.name}
        rows={rows}
        lang={lang}
        defaultValue={defaultValue}
        required={common.required}
        aria-invalid={common.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={mono ? `${inputClass} font-mono text-sm` : inputClass}
      />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };
/** `value`, when given, names what the group belongs to (a crop's id), for a select that follows another. */
export type OptionGroup = { label: string; options: Option[]; value?: string };

export function SelectField({
  options,
  groups,
  placeholder,
  defaultValue,
  follows,
  ...common
}: Common & {
  options?: Option[];
  groups?: OptionGroup[];
  placeholder?: string;
  defaultValue?: string;
  /** the name of the select whose choice picks the group shown (app/enhance.js); without a script every group stays */
  follows?: string;
}) {
  const id = useId();
  const describedBy = [common.hint ? `${id}-hint` : null, common.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <FieldShell id={id} {...common}>
      <select
        id={id}
        name={common.name}
        defaultValue={defaultValue ?? ""}
        required={common.required}
        aria-invalid={common.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-follows={follows}
        className={inputClass}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.value ?? g.label} label={g.label} data-group={g.value}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  error,
}: {
  name: string;
  legend: string;
  options: Option[];
  defaultValue?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-semibold text-earth-900">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex items-start gap-2">
          <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} className="mt-1" />
          <span>{o.label}</span>
        </label>
      ))}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-700" role="alert">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
