import type { FooterProps, HeaderProps } from "@observatory/ui";

export const siteName = "NHS Race and Health Observatory";

const sections = [
  { href: "/priorities", label: "Our priorities" },
  { href: "/news", label: "News" },
  { href: "/blogs", label: "Blogs" },
  { href: "/press-releases", label: "Press releases" },
  { href: "/publications", label: "Publications" },
];

export function siteHeader(pathname: string): HeaderProps {
  return {
    serviceName: siteName,
    homeHref: "/",
    navigation: sections.map((s) => ({ ...s, current: pathname === s.href || pathname.startsWith(`${s.href}/`) })),
    search: { action: "/search", name: "q", label: "Search this site" },
  };
}

export const siteFooter: FooterProps = {
  links: [
    { href: "/about", label: "About us" },
    { href: "/contact", label: "Contact us" },
    { href: "/accessibility", label: "Accessibility statement" },
    { href: "/privacy", label: "Privacy notice" },
    { href: "/feeds", label: "Feeds" },
  ],
  copyright: "© NHS Race and Health Observatory",
};
