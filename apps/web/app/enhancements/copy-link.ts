// The share block's "Copy link": without JavaScript (or without the clipboard, which needs a
// secure page) it is the plain link to the page; here its button takes the link's place and says,
// in a live region, whether the address was copied (decision 024). Loaded on item pages only.

for (const block of document.querySelectorAll("[data-copy-link]")) {
  const link = block.querySelector("a");
  const button = block.querySelector("button");
  const status = block.querySelector("[data-copy-status]");
  if (!link || !button || !status || !navigator.clipboard) continue;
  button.addEventListener("click", async () => {
    // Emptied first, so that copying again is announced again.
    status.textContent = "";
    try {
      await navigator.clipboard.writeText(link.href);
      status.textContent = "Link copied";
    } catch {
      status.textContent = "The link could not be copied: copy it from your browser's address bar";
    }
  });
  link.hidden = true;
  button.hidden = false;
}
