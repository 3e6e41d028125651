import { useT } from "~/utils/i18n";

// Public: the accessibility statement (Tilgængelighedserklæring) is linked from every page.
export default function AccessibilityStatement() {
  const t = useT();
  return (
    <article>
      <h1>{t("a11y.title")}</h1>
      <p>{t("a11y.body")}</p>
      <p>{t("a11y.status")}</p>
      <p>{t("a11y.contact")}</p>
    </article>
  );
}
