// DKFDS alert (`alert alert-…`): one component for every message box. The role
// is the caller's choice because it is only right in some places: "alert" for an
// error the user just caused (it is read out at once), "status" for a
// confirmation; a box that is part of the page's content has no role.
import type { ReactNode, Ref } from "react";

export type AlertVariant = "success" | "info" | "warning" | "error";

export interface AlertProps {
  variant: AlertVariant;
  /** Optional heading; rendered as a paragraph unless a heading level is given. */
  heading?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** Text lines are wrapped in `alert-text` paragraphs; other content is rendered as is. */
  children?: ReactNode;
  role?: "alert" | "status";
  id?: string;
  className?: string;
  tabIndex?: number;
  testId?: string;
  /** Extra data attributes (e.g. `data-result`). */
  data?: Record<`data-${string}`, string>;
  ref?: Ref<HTMLDivElement>;
}

export function Alert({ variant, heading, headingLevel, children, role, id, className, tabIndex, testId, data, ref }: AlertProps) {
  const Heading = headingLevel ? (`h${headingLevel}` as const) : "p";
  return (
    <div
      ref={ref}
      className={["alert", `alert-${variant}`, className].filter(Boolean).join(" ")}
      role={role}
      id={id}
      tabIndex={tabIndex}
      data-testid={testId}
      {...data}
    >
      <div className="alert-body">
        {heading ? <Heading className="alert-heading">{heading}</Heading> : null}
        {typeof children === "string" ? <p className="alert-text">{children}</p> : children}
      </div>
    </div>
  );
}

/** One line of an alert's text. */
export function AlertText({ children, dir }: { children: ReactNode; dir?: "auto" }) {
  return (
    <p className="alert-text" dir={dir}>
      {children}
    </p>
  );
}
