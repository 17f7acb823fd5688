import { type ShareNetworkId, shareByEmailUrl, shareNetworks } from "@observatory/api/share-networks";

// "Share this page" under an item: its address to copy, an email, and one plain link per network the
// organisation chose (decision 024). Nothing here loads anything from a network: each link opens
// the network's own share page, in the same tab, only when the reader follows it.

export type ShareBlockProps = {
  /** The page's absolute address. */
  url: string;
  title: string;
  networks: ShareNetworkId[];
};

export function ShareBlock({ url, title, networks }: ShareBlockProps) {
  const item = { url, title };
  return (
    <section aria-labelledby="share-heading" className="observatory-share nhsuk-u-margin-top-6">
      <h2 id="share-heading" className="nhsuk-heading-m">
        Share this page
      </h2>
      <ul className="nhsuk-list">
        {/* The copy-link enhancement shows the button in place of the link where the browser can copy. */}
        <li data-copy-link="">
          <a href={url}>Link to this page</a>
          <button type="button" className="observatory-share__copy" hidden>
            Copy link
          </button>{" "}
          <span className="observatory-share__status" role="status" data-copy-status="" />
        </li>
        <li>
          <a href={shareByEmailUrl(item)}>Share by email</a>
        </li>
        {networks.map((id) => (
          <li key={id}>
            <a href={shareNetworks[id].shareUrl(item)} rel="noopener noreferrer">
              Share on {shareNetworks[id].label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
