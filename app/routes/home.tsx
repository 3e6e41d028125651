// The home page: "Dine opgaver", what this person should do next, then their
// roles and shortcuts.
import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/home";
import { NAV_ITEMS } from "~/components/layout/navigation";
import { can } from "~/domain/permissions";
import { formatDate, formatDateTime, formatMoney } from "~/i18n";
import { hasNoTasks, tasksFor, type ApplicationTask, type RoundTask } from "~/services/tasks.server";
import { useLang, useT } from "~/utils/i18n";
import { requireUserWith } from "~/utils/permissions.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "app:use");
  const tasks = await tasksFor(user);
  return { user, tasks, nothingToDo: hasNoTasks(tasks) };
}

function ApplicationTasks({ id, title, items, deadlineLabel, edit }: { id: string; title: string; items: ApplicationTask[]; deadlineLabel: string; edit?: boolean }) {
  const t = useT();
  const lang = useLang();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ul className="kp-task-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link to={edit ? `/applications/${item.id}/edit` : `/applications/${item.id}`}>
              {item.reference} <bdi>{item.title || t("home.tasks.untitled")}</bdi>
            </Link>
            <br />
            <span className="kp-muted">
              <bdi>{item.unitName}</bdi> · <bdi>{item.roundName}</bdi> · {deadlineLabel} {formatDateTime(item.deadline, lang)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoundTasks({ id, title, items, prepare }: { id: string; title: string; items: RoundTask[]; prepare?: boolean }) {
  const t = useT();
  const lang = useLang();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ul className="kp-task-list">
        {items.map((round) => (
          <li key={round.id}>
            <Link to={`/rounds/${round.id}`}>
              <bdi>{round.name}</bdi>
            </Link>
            <br />
            <span className="kp-muted">
              {prepare
                ? t("home.tasks.roundToPrepare", { endorsed: round.endorsed, date: formatDate(round.decisionDate, lang, { dateOnly: true }) })
                : t("home.tasks.roundOpen", { submitted: round.submitted, endorsed: round.endorsed, closes: formatDateTime(round.closesAt, lang) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Home() {
  const t = useT();
  const lang = useLang();
  const { user, tasks, nothingToDo } = useLoaderData<typeof loader>();
  const shortcuts = NAV_ITEMS.filter((item) => item.to !== "/" && can(user, item.action));
  return (
    <>
      <h1>{t("home.title", { name: user.name })}</h1>
      <p className="font-lead">{t("home.intro")}</p>
      <div className="row">
        <div className="col-12 col-lg-7">
          <h2>{t("home.tasks.title")}</h2>
          <div data-testid="tasks">
            {nothingToDo ? <p data-testid="no-tasks">{t("home.tasks.none")}</p> : null}
            <ApplicationTasks id="tasks-endorse" title={t("home.tasks.toEndorse")} items={tasks.toEndorse} deadlineLabel={t("home.tasks.endorseBy")} />
            <ApplicationTasks id="tasks-returned" title={t("home.tasks.returned")} items={tasks.returned} deadlineLabel={t("home.tasks.resubmitBy")} edit />
            <ApplicationTasks id="tasks-drafts" title={t("home.tasks.drafts")} items={tasks.drafts} deadlineLabel={t("home.tasks.submitBy")} edit />
            <RoundTasks id="tasks-open-rounds" title={t("home.tasks.openRounds")} items={tasks.openRounds} />
            <RoundTasks id="tasks-prepare-rounds" title={t("home.tasks.roundsToPrepare")} items={tasks.roundsToPrepare} prepare />
            {tasks.yearsToPrioritise.length > 0 ? (
              <section aria-labelledby="tasks-prioritise-title" data-testid="tasks-prioritise">
                <h3 id="tasks-prioritise-title">{t("home.tasks.prioritise")}</h3>
                <ul className="kp-task-list">
                  {tasks.yearsToPrioritise.map((year) => (
                    <li key={year}>
                      <Link to={`/pool-years/${year}/priorities/new`}>{t("home.tasks.prioritiseYear", { year })}</Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {tasks.yearToCreate !== null ? (
              <section aria-labelledby="tasks-year-title" data-testid="tasks-create-year">
                <h3 id="tasks-year-title">{t("home.tasks.createYear")}</h3>
                <p>
                  <Link to="/pool-years/new">{t("home.tasks.createYearLink", { year: tasks.yearToCreate })}</Link>
                </p>
              </section>
            ) : null}
          </div>
        </div>
        <div className="col-12 col-lg-5">
          {tasks.currentYear ? (
            <>
              <h2 className="h3">{t("home.currentYear", { year: tasks.currentYear.year })}</h2>
              <p>
                {t("home.available")}: <strong className="kp-num">{formatMoney(tasks.currentYear.totalOre, lang)}</strong>
              </p>
            </>
          ) : null}
          <h2 className="h3">{t("home.yourRoles")}</h2>
          <ul data-testid="my-roles">
            {user.roles.map((r, i) => (
              <li key={`${r.role}-${i}`}>{t(`role.${r.role}`)}</li>
            ))}
          </ul>
          {user.unitName ? (
            <>
              <h2 className="h3">{t("home.yourUnit")}</h2>
              <p>
                <bdi>{user.unitName}</bdi>
              </p>
            </>
          ) : null}
          <h2 className="h3">{t("home.shortcuts")}</h2>
          <ul>
            {shortcuts.map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}
