// Fields of a GET filter form (lists, statistics, audit log): plain HTML, so
// the filter works without JavaScript and lives in the URL. Not Conform: a
// filter has no errors to show, only values to keep.
import type { ReactNode } from "react";

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <span className="form-hint" id={`${id}-hint`}>
      {hint}
    </span>
  ) : null;
}

/** A <select> whose first option means "no filter" (empty value). */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  allLabel: ReactNode;
  options: readonly { value: string; label: string }[];
  value: string | null | undefined;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <select
        id={props.id}
        name={props.name}
        className="form-select"
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        defaultValue={props.value ?? ""}
      >
        <option value="">{props.allLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A text input of a filter (free text, an amount). */
export function FilterInput(props: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string | null | undefined;
  type?: "text" | "search";
  inputMode?: "decimal" | "numeric";
  className?: string;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        autoComplete={props.inputMode ? "off" : undefined}
        className={props.className ?? "form-input"}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        defaultValue={props.value ?? ""}
      />
    </div>
  );
}
