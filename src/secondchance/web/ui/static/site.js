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
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  if (button && button.name === "action" && button.value.startsWith("lang:")) {
    event.stopPropagation();
  }
}, true);
