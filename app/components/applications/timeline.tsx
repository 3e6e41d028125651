// The application's status timeline (forløb): an ordered list, oldest first,
// of who did what and when, from the audit trail (getTimeline).
import { formatDateTime, type Translate } from "~/i18n";
import { isolateText } from "~/domain/text";
import type { TimelineEntry } from "~/domain/applications/timeline";
import { useLang, useT } from "~/utils/i18n";

/** Danish (or English) label of an event; unknown actions show their technical name. */
export function timelineLabel(t: Translate, entry: Pick<TimelineEntry, "action" | "details">): string {
  const { details } = entry;
  switch (entry.action) {
    case "application.create":
      return t("timeline.application.create");
    case "application.saveDraft":
      return t("timeline.application.saveDraft");
    case "application.submit":
      return details.versionNo !== undefined
        ? t("timeline.application.submit", { versionNo: details.versionNo })
        : t("timeline.application.submitPlain");
    case "application.return":
      return details.comment !== undefined
        ? t("timeline.application.return", { comment: isolateText(String(details.comment)) })
        : t("timeline.application.returnPlain");
    case "application.endorse":
      return details.rank !== undefined ? t("timeline.application.endorseRank", { rank: details.rank }) : t("timeline.application.endorse");
    case "application.endorseOnBehalf":
      return t("timeline.application.endorseOnBehalf", { reason: isolateText(String(details.comment ?? "")) });
    case "application.rank":
      return details.rank !== undefined ? t("timeline.application.rank", { rank: details.rank }) : entry.action;
    case "application.withdraw":
      return t("timeline.application.withdraw");
    case "application.moveArea":
      return t("timeline.application.moveArea");
    case "attachment.add":
      return t("timeline.attachment.add", { fileName: isolateText(String(details.fileName ?? "")) });
    case "attachment.remove":
      return t("timeline.attachment.remove", { fileName: isolateText(String(details.fileName ?? "")) });
    default:
      return entry.action;
  }
}

export function Timeline({ entries, headingLevel = 2 }: { entries: readonly TimelineEntry[]; headingLevel?: 2 | 3 }) {
  const t = useT();
  const lang = useLang();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="forloeb-heading" id="forloeb">
      <Heading id="forloeb-heading">{t("timeline.title")}</Heading>
      {entries.length === 0 ? (
        <p>{t("timeline.empty")}</p>
      ) : (
        <ol className="kp-timeline" aria-label={t("timeline.caption")} data-testid="timeline">
          {entries.map((entry) => {
            const at = new Date(entry.at);
            return (
              <li key={entry.id} className="kp-timeline-item">
                <time dateTime={at.toISOString()}>{formatDateTime(at, lang)}</time>
                {": "}
                <strong>{timelineLabel(t, entry)}</strong>
                {" — "}
                <span>{entry.actorName ? t("timeline.by", { name: isolateText(entry.actorName) }) : t("timeline.system")}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
