// Optional enhancements only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll(".js-print")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
// After htmx swaps in new results, move focus to them so screen readers announce the change.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail && event.detail.target;
  if (target && target.focus) {
    target.setAttribute("tabindex", "-1");
    target.focus();
  }
});
// The language switch submits the current screen's form as a normal page load (the header and
// <html lang> change too), so htmx must not take that submission over: stop it before htmx sees it.
// Fields typed but not sent that the switch would lose (data-keep-local: the name and address on the
// court papers, which the server never keeps; the release date and search on My plan) wait in this
// tab's sessionStorage until the page in the other language is shown, then are put back and erased.
const KEEP = "sc-keep:";
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const switching = button && button.name === "action" && button.value.startsWith("lang:");
  if (switching || event.target.matches("form.lang")) {
    event.stopPropagation();
    for (const field of document.querySelectorAll("[data-keep-local]")) {
      if (field.value) {
        try { sessionStorage.setItem(KEEP + field.id, field.value); } catch (error) { /* storage off: typed again */ }
      }
    }
  }
}, true);
document.addEventListener("DOMContentLoaded", () => {
  for (const field of document.querySelectorAll("[data-keep-local]")) {
    try {
      const value = sessionStorage.getItem(KEEP + field.id);
      if (value !== null) {
        field.value = value;
        sessionStorage.removeItem(KEEP + field.id);
      }
    } catch (error) { /* storage off */ }
  }
});
