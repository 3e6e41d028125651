// The confirmation step before something that can never be changed (a budget
// adjustment, a prioritisation). The first submit of the form answers with this
// summary and changes nothing; its button re-sends the same fields with
// confirmed=yes, which is the only way the server records it. Works without
// JavaScript; with JavaScript the panel takes the focus when it appears.
import { useEffect, useRef, type ReactNode } from "react";
import { Form } from "react-router";
import { useT } from "~/utils/i18n";

export interface ConfirmFields {
  /** The submitted form's fields, in order (a name may repeat). */
  entries: [string, string][];
}

/** The form's text fields as sent, to carry through the confirmation step (files and `confirmed` left out). */
export function confirmFields(formData: FormData): ConfirmFields {
  const entries: [string, string][] = [];
  for (const [name, value] of formData) {
    if (name !== "confirmed" && typeof value === "string") entries.push([name, value]);
  }
  return { entries };
}

export function ConfirmStep({
  action,
  fields,
  lines,
  final,
  submitLabel,
  backHref,
  backLabel,
  testId,
}: {
  action: string;
  fields: ConfirmFields;
  /** What would be recorded, one sentence a line. */
  lines: ReactNode[];
  /** That it cannot be changed afterwards (shown in bold). */
  final: string;
  submitLabel: string;
  backHref: string;
  backLabel: string;
  testId: string;
}) {
  const t = useT();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, [fields]);
  return (
    <div className="alert alert-warning kp-focus-target" role="alert" data-testid={testId} tabIndex={-1} ref={panel}>
      <div className="alert-body">
        <h2 className="alert-heading h3">{t("confirm.title")}</h2>
        {lines.map((line, index) => (
          <p className="alert-text" key={index}>
            {line}
          </p>
        ))}
        <p className="alert-text">
          <strong>{final}</strong>
        </p>
        <Form method="post" action={action}>
          {fields.entries.map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirmed" value="yes" />
          <div className="kp-actions">
            <button type="submit" className="button button-primary">
              {submitLabel}
            </button>
            <a href={backHref}>{backLabel}</a>
          </div>
        </Form>
      </div>
    </div>
  );
}
