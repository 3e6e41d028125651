// The form kit: one Conform configuration (useAppForm), one form element with
// the DKFDS error summary on top (AppForm), and a submit button that shows that
// it is working and cannot send the form twice (SubmitButton). All of it is
// server-rendered, so a form without JavaScript still shows its summary and
// submits with a plain button.
import { getFormProps, useForm, type DefaultValue, type FormMetadata, type Submission, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useEffect, useRef, type ReactNode, type Ref } from "react";
import { Form, useFormAction, useNavigation, type FormProps } from "react-router";
import type { z } from "zod";
import { useErrorText, useT } from "~/utils/i18n";

/**
 * The form's Conform state with the house configuration: HTML constraints from
 * the schema, the same Zod schema in the browser, validation on submit and
 * again on every input once a field has been validated.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Conform's own bound for a form's shape
type FormShape<Schema extends z.ZodType> = z.input<Schema> extends Record<string, any> ? z.input<Schema> : Record<string, unknown>;
type FormOutput<Schema extends z.ZodType> = z.output<Schema> extends Record<string, unknown> ? z.output<Schema> : Record<string, unknown>;

export function useAppForm<Schema extends z.ZodType = z.ZodType<Record<string, unknown>>>(options: {
  id: string;
  /** The schema that validates the form in the browser (the server uses the same). */
  schema?: Schema;
  /** The schema the HTML constraints are taken from, if not `schema` (e.g. a discriminated union's fields). */
  constraintSchema?: z.ZodType;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: DefaultValue<FormShape<Schema>>;
}) {
  const { id, schema, constraintSchema, lastResult, defaultValue } = options;
  const constraintFrom = constraintSchema ?? schema;
  return useForm<FormShape<Schema>, FormOutput<Schema>>({
    id,
    lastResult: lastResult ?? undefined,
    defaultValue,
    constraint: constraintFrom ? getZodConstraint(constraintFrom) : undefined,
    onValidate: schema ? ({ formData }) => parseWithZod(formData, { schema }) as Submission<FormShape<Schema>, string[], FormOutput<Schema>> : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

// Any form's metadata: the kit reads only its id, errors and status.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Conform's metadata is invariant in its schema
type AnyForm = FormMetadata<any, string[]>;

export interface SummaryItem {
  /** The id of the field the link goes to; null for an error about the whole form. */
  fieldId: string | null;
  message: string;
}

/**
 * What the error summary lists: the form's own errors first (no link), then
 * each field in error, in the order Conform reports them (the schema's order),
 * with a link to the field's id (`<form id>-<field name>`, Conform's naming).
 */
export function summaryItems(formId: string, allErrors: Record<string, string[] | undefined>): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const message of allErrors[""] ?? []) items.push({ fieldId: null, message });
  for (const [name, errors] of Object.entries(allErrors)) {
    if (name === "" || !errors?.length) continue;
    for (const message of errors) items.push({ fieldId: `${formId}-${name}`, message });
  }
  return items;
}

/**
 * DKFDS error summary ("fejlopsummering"): at the top of the form, a list of
 * every problem with a link to its field. Rendered on the server from the
 * action's reply, so it works without JavaScript; with JavaScript AppForm moves
 * the focus to it after a failed submit.
 */
export function ErrorSummary({ formId, allErrors, ref }: { formId: string; allErrors: Record<string, string[] | undefined>; ref?: Ref<HTMLDivElement> }) {
  const t = useT();
  const errorText = useErrorText();
  const items = summaryItems(formId, allErrors);
  const hasItems = items.length > 0;
  if (!hasItems) return null;
  return (
    <div
      className="alert alert-error kp-focus-target"
      role="alert"
      aria-labelledby={`${formId}-summary-heading`}
      id={`${formId}-summary`}
      tabIndex={-1}
      ref={ref}
      data-testid="error-summary"
    >
      <div className="alert-body">
        <p className="alert-heading" id={`${formId}-summary-heading`}>
          {t.plural("form.summary.heading", items.length)}
        </p>
        <ul className="alert-text nobullet-list">
          {items.map((item, index) =>
            item.fieldId ? (
              <li key={index}>
                <a
                  href={`#${item.fieldId}`}
                  className="function-link"
                  onClick={(event) => {
                    const target = document.getElementById(item.fieldId!);
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }}
                >
                  {errorText(item.message)}
                </a>
              </li>
            ) : (
              <li key={index}>{errorText(item.message)}</li>
            ),
          )}
        </ul>
      </div>
    </div>
  );
}

/**
 * The form element of every Conform form: Conform's props, the error summary on
 * top, and a guard against a second submit while the first is on its way (a
 * double click, or Enter pressed twice).
 */
export function AppForm({ form, children, ...rest }: { form: AnyForm; children: ReactNode } & Omit<FormProps, "id" | "onSubmit" | "noValidate">) {
  const props = getFormProps(form);
  const method = rest.method ?? "post";
  const navigation = useNavigation();
  const inFlight = useRef(false);
  const sawBusy = useRef(false);
  const summary = useRef<HTMLDivElement>(null);
  // Until when a summary that appears takes the focus: set by a failed attempt,
  // so errors that appear while typing never move it.
  const focusUntil = useRef(0);

  useEffect(() => {
    if (focusUntil.current > Date.now() && summary.current) {
      focusUntil.current = 0;
      summary.current.focus();
    }
  });

  // When the page is idle again the form can be sent again; a reply with errors
  // will show the summary, which then takes the focus (after Conform has put it
  // on the first field in error).
  useEffect(() => {
    if (navigation.state !== "idle") {
      sawBusy.current = true;
      return;
    }
    if (!sawBusy.current) return;
    sawBusy.current = false;
    if (!inFlight.current) return;
    inFlight.current = false;
    // The reply may already be rendered (then focus now) or come with the next render.
    focusUntil.current = Date.now() + 1000;
    if (form.status === "error") summary.current?.focus();
  }, [navigation.state, form.status]);

  return (
    <Form
      {...props}
      {...rest}
      method={method}
      onSubmit={(event) => {
        if (inFlight.current) {
          event.preventDefault();
          return;
        }
        props.onSubmit(event);
        if (event.defaultPrevented) {
          // Refused in the browser (Conform's validation): the summary takes the focus.
          focusUntil.current = Date.now() + 1000;
        } else if (method.toLowerCase() === "post") {
          inFlight.current = true;
        }
      }}
    >
      <ErrorSummary formId={form.id} allErrors={form.allErrors} ref={summary} />
      {children}
    </Form>
  );
}

/**
 * True while this page is sending a form to `formAction` (default: the current
 * route's action), optionally only for one `intent` (the submit button's value).
 */
export function useIsPending({ formAction, intent }: { formAction?: string; intent?: string } = {}): boolean {
  const navigation = useNavigation();
  const currentAction = useFormAction();
  if (navigation.state === "idle" || !navigation.formMethod || navigation.formMethod.toUpperCase() === "GET") return false;
  const action = formAction ?? currentAction;
  if (navigation.formAction !== action && navigation.formAction?.split("?")[0] !== action.split("?")[0]) return false;
  if (intent !== undefined && navigation.formData?.get("intent") !== intent) return false;
  return true;
}

/**
 * A submit button that says "Gemmer…" and is marked disabled while its form is
 * on its way. Without JavaScript it is a plain submit button. Not `disabled`
 * (that would drop it from the tab order and hide the text from screen readers),
 * but `aria-disabled` and a click that does nothing.
 */
export function SubmitButton({
  children,
  variant = "primary",
  name,
  value,
  form,
  formAction,
  intent,
  pendingText,
  testId,
  className,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "tertiary" | "warning";
  /** `intent` buttons: the pending state is this button's only. */
  name?: string;
  value?: string;
  /** The id of the form, for a button outside it. */
  form?: string;
  formAction?: string;
  /** The form's hidden `intent` value, on a page with several forms posting to one action. */
  intent?: string;
  pendingText?: ReactNode;
  testId?: string;
  className?: string;
}) {
  const t = useT();
  const pending = useIsPending({ formAction, intent: name === "intent" ? value : intent });
  return (
    <button
      type="submit"
      name={name}
      value={value}
      form={form}
      className={[`button button-${variant}`, className].filter(Boolean).join(" ")}
      aria-disabled={pending ? true : undefined}
      data-pending={pending ? "true" : undefined}
      data-testid={testId}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
    >
      {pending ? (pendingText ?? t("form.pending")) : children}
    </button>
  );
}
