// Staff pages: small progressive enhancements. No inline scripts anywhere
// (the CSP forbids them), so behaviour lives here.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
