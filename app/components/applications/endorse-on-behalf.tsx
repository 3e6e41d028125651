// The secretariat's endorsement on the area lead's behalf (the lead's own
// application, or the lead absent before the deadline): a reason is required,
// and the timeline shows it. Works without JavaScript (hidden intent).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { FormErrors, TextareaField, TextField } from "~/components/ui/forms";
import { formatDateTime } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { EndorseOnBehalfSchema } from "./schema";

export function EndorseOnBehalfForm({ lastResult, deadline }: { lastResult: SubmissionResult<string[]> | undefined; deadline: Date }) {
  const t = useT();
  const lang = useLang();
  const [form, fields] = useForm({
    id: "endorse-on-behalf",
    lastResult,
    constraint: getZodConstraint(EndorseOnBehalfSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EndorseOnBehalfSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} data-testid="endorse-on-behalf-form">
      <h3 className="h4">{t("applications.endorseOnBehalf.title")}</h3>
      <p>{t("applications.endorseOnBehalf.intro", { deadline: formatDateTime(deadline, lang) })}</p>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="endorseOnBehalf" />
      <TextareaField field={fields.reason} label={t("applications.endorseOnBehalf.reason")} hint={t("applications.endorseOnBehalf.reasonHint")} rows={3} />
      <TextField
        field={fields.rank}
        label={t("applications.endorse.rank")}
        hint={t("applications.endorse.rankHint")}
        optional
        className="form-input input-width-xs"
        inputMode="numeric"
        autoComplete="off"
      />
      <button type="submit" className="button button-primary">
        {t("applications.endorseOnBehalf.submit")}
      </button>
    </Form>
  );
}
