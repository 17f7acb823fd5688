// An HTML publication's "Print this page": without JavaScript the link opens the print view, which
// says how to print; here it opens the browser's print dialogue at once (decision 029).

for (const link of document.querySelectorAll<HTMLAnchorElement>("[data-print-link]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
}
