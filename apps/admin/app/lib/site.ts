import type { MfaState } from "@observatory/api";
import { can, type Permission, type Role } from "@observatory/api/permissions";
import type { FooterProps, HeaderProps } from "@observatory/ui";

export const serviceName = "Observatory admin";

/** "Users - Observatory admin": the page's own title first, as NHS services do. */
export function pageTitle(title: string): string {
  return `${title} - ${serviceName}`;
}

/** An area of the admin: in the header and on the home page for the roles whose permission allows it. */
export type AdminSection = { href: string; label: string; permission: Permission; description: string };

export const adminSections: AdminSection[] = [
  {
    href: "/content",
    label: "Content",
    permission: "content.write",
    description: "Write, review, schedule and publish news, blogs, press releases and pages.",
  },
  {
    href: "/media",
    label: "Media library",
    permission: "content.write",
    description: "Upload images once, describe them, and use them in any content.",
  },
  {
    href: "/comments",
    label: "Comments",
    permission: "comments.moderate",
    description: "Moderate readers' comments, and set the spam and moderation rules.",
  },
  {
    href: "/users",
    label: "Users",
    permission: "users.manage",
    description: "Invite staff, change their roles, and disable accounts.",
  },
  {
    href: "/workflows",
    label: "Workflows",
    permission: "settings.manage",
    description: "Who reviews which content, step by step, and the groups of reviewers.",
  },
  {
    href: "/alerts",
    label: "Email alerts",
    permission: "alerts.subscribers",
    description: "How many readers get email alerts, and removing an address on request.",
  },
  { href: "/audit", label: "Audit log", permission: "audit.read", description: "Who changed what, and when." },
  {
    href: "/settings/security",
    label: "Security",
    permission: "settings.manage",
    description: "Which roles must sign in with an authenticator app.",
  },
  {
    href: "/settings/organisation",
    label: "Organisation",
    permission: "settings.manage",
    description: "Contact details, the accessibility statement, and the networks readers can share to.",
  },
];

/** `pendingComments`: for those who moderate, how many comments await it (the navigation's badge). */
export type Viewer = { user: { name: string; role: Role }; mfa: MfaState; pendingComments: number | null } | null;

export function sectionsFor(role: Role): AdminSection[] {
  return adminSections.filter((section) => can(role, section.permission));
}

export function adminHeader(pathname: string, viewer: Viewer): HeaderProps {
  if (!viewer) return { serviceName, homeHref: "/" };
  const signOut = { label: "Sign out", action: "/sign-out" };
  // Until the second factor is done, the only way on is that step, or out.
  if (viewer.mfa !== "satisfied") return { serviceName, homeHref: "/", account: { items: [signOut] } };
  return {
    serviceName,
    homeHref: "/",
    navigation: [{ href: "/", label: "Home" }, ...sectionsFor(viewer.user.role)].map((item) => ({
      href: item.href,
      label: item.label,
      current: item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`),
      badge: item.href === "/comments" ? pendingBadge(viewer.pendingComments) : undefined,
    })),
    account: { items: [{ href: "/account", label: viewer.user.name }, signOut] },
  };
}

function pendingBadge(count: number | null) {
  if (!count) return undefined;
  const text = count > 999 ? "999+" : count.toLocaleString("en-GB");
  return { text, description: `${count.toLocaleString("en-GB")} pending` };
}

export const adminFooter: FooterProps = {
  links: [{ href: "/accessibility", label: "Accessibility statement" }],
  copyright: "© NHS Race and Health Observatory",
};
