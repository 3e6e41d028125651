// Reading one's own in-app notifications (beskeder) and marking them read.
// Writing them is app/services/notifications.server.ts (notify), in the
// transaction of the change they report.
import { applicationRecordScope } from "~/domain/applications/visibility";
import { can, type PermissionSubject } from "~/domain/permissions";
import { isolateText } from "~/domain/text";
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { defineMutation, PermissionError } from "./mutation.server";
import { NOTIFICATION_KINDS, renderNotification, type NotificationKind } from "./notifications.server";

export interface InboxItem {
  id: string;
  kind: string;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  /** Set only when the reader may open the application. */
  application: { id: string; reference: string } | null;
}

const MAX_ITEMS = 200;

function isKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

function stringVars(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : String(v)]));
}

/** Notification values typed by people (the others are references, dates and links of ours). */
const USER_TEXT_VARS = new Set(["title", "unit", "round", "by", "comment"]);

/** Subject and body in the reader's language (the e-mail's signature and link are left out in-app). */
export function renderInboxText(kind: string, vars: Record<string, string>, lang: Lang): { subject: string; body: string } {
  if (!isKind(kind)) return { subject: kind, body: "" };
  // Values that people typed (titles, names, comments) are isolated, so that they cannot reorder the sentence.
  const isolated = Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, USER_TEXT_VARS.has(name) ? isolateText(value) : value]));
  const { subject, text } = renderNotification(kind, isolated, lang);
  return { subject, body: text };
}

/** The user's notifications, newest first (at most 200), rendered in `lang`. */
export async function listInbox(user: PermissionSubject, lang: Lang): Promise<{ items: InboxItem[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_ITEMS,
      select: {
        id: true,
        kind: true,
        vars: true,
        createdAt: true,
        readAt: true,
        application: { select: { id: true, reference: true, unitId: true, areaId: true, status: true, submittedAt: true } },
      },
    }),
    countUnread(user.id),
  ]);
  const items = rows.map((row): InboxItem => {
    const app = row.application;
    const readable = app && can(user, "application:read", applicationRecordScope(app));
    return {
      id: row.id,
      kind: row.kind,
      ...renderInboxText(row.kind, stringVars(row.vars), lang),
      createdAt: row.createdAt,
      readAt: row.readAt,
      application: readable ? { id: app.id, reference: app.reference } : null,
    };
  });
  return { items, unread };
}

/** One cheap count for the header link ("Beskeder (3)"). */
export function countUnread(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export const markNotificationRead = defineMutation<{ id: string }, { id: string }>("notification.markRead", {
  permission: "app:use",
  async run({ tx, actor }, input) {
    const userId = actor.user?.id;
    // Someone else's notification is as unknown as a missing one.
    const notification = userId
      ? await tx.notification.findFirst({ where: { id: input.id, userId }, select: { id: true, readAt: true } })
      : null;
    if (!notification) throw new PermissionError(404);
    const readAt = notification.readAt ?? new Date();
    if (!notification.readAt) await tx.notification.update({ where: { id: notification.id }, data: { readAt } });
    return {
      result: { id: notification.id },
      audit: {
        action: "notification.markRead",
        entityType: "Notification",
        entityId: notification.id,
        before: { readAt: notification.readAt },
        after: { readAt },
      },
    };
  },
});

export const markAllNotificationsRead = defineMutation<void, { count: number }>("notification.markAllRead", {
  permission: "app:use",
  async run({ tx, actor }) {
    const userId = actor.user?.id;
    if (!userId) throw new PermissionError(403);
    const unread = await tx.notification.findMany({ where: { userId, readAt: null }, select: { id: true } });
    const readAt = new Date();
    if (unread.length) await tx.notification.updateMany({ where: { id: { in: unread.map((n) => n.id) } }, data: { readAt } });
    return {
      result: { count: unread.length },
      // One event for the batch, on the user whose notifications they are.
      audit: {
        action: "notification.markAllRead",
        entityType: "Notification",
        entityId: userId,
        after: { userId, count: unread.length, ids: unread.map((n) => n.id), readAt },
      },
    };
  },
});

export const notificationInboxMutations = [markNotificationRead, markAllNotificationsRead] as const;
