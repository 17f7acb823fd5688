import type { FooterProps, HeaderProps } from "@observatory/ui";

export const serviceName = "Observatory admin";

export function adminHeader(_pathname: string): HeaderProps {
  return { serviceName, homeHref: "/" };
}

export const adminFooter: FooterProps = {
  links: [{ href: "/accessibility", label: "Accessibility statement" }],
  copyright: "© NHS Race and Health Observatory",
};
