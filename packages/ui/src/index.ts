export { type BackLinkProps, BackLink } from "./back-link";
export { type BreadcrumbItem, type BreadcrumbsProps, Breadcrumbs } from "./breadcrumbs";
export { type ButtonLinkProps, type ButtonProps, type ButtonVariant, Button, ButtonLink } from "./button";
export { type CardProps, Card } from "./card";
export { type CharacterCountProps, CharacterCount } from "./character-count";
export { type CheckboxesProps, type CheckboxItem, Checkboxes } from "./checkboxes";
export { type ErrorMessageProps, ErrorMessage } from "./error-message";
export {
  type ErrorSummaryItem,
  type ErrorSummaryProps,
  ERROR_SUMMARY_ID,
  ErrorSummary,
  focusErrorSummary,
  followErrorLink,
} from "./error-summary";
export { type FooterLink, type FooterProps, Footer } from "./footer";
export {
  type HeaderAccountItem,
  type HeaderNavigationItem,
  type HeaderOrganisation,
  type HeaderProps,
  type HeaderSearch,
  Header,
} from "./header";
export { type HintProps, Hint } from "./hint";
export { type InsetTextProps, InsetText } from "./inset-text";
export { type NotificationBannerProps, focusSuccessBanner, NotificationBanner } from "./notification-banner";
export { type PageShellProps, PageShell } from "./page-shell";
export { type PaginationItem, type PaginationProps, Pagination, paginationItems } from "./pagination";
export { type RadioItem, type RadiosProps, Radios } from "./radios";
export { type ResponsiveImageFiles, type ResponsiveImageProps, ResponsiveImage } from "./responsive-image";
export { type SelectOption, type SelectProps, Select } from "./select";
export { type SkipLinkProps, SkipLink } from "./skip-link";
export { type SummaryListAction, type SummaryListProps, type SummaryListRow, SummaryList } from "./summary-list";
export { type TableProps, Table } from "./table";
export { type TagColour, type TagListProps, type TagProps, Tag, TagList, tagClassName } from "./tag";
export { type TextareaProps, Textarea } from "./textarea";
export { type TextInputProps, TextInput } from "./text-input";
export { type WarningCalloutProps, WarningCallout } from "./warning-callout";
export { type WithdrawnNoticeProps, WithdrawnNotice } from "./withdrawn-notice";
export { type ArticleContentProps, type ArticleItem, ArticleContent, contentKindLabels } from "./article-content";
export { type DocumentProps, Document } from "./document";
export { DocumentTitle } from "./document-title";
export { type StatusPageProps, StatusPage } from "./status-page";
export { NonceProvider, useNonce } from "./nonce";
export { cx } from "./class-names";
