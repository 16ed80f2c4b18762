// Applies a remembered light/dark choice before first paint, so pages do not flash.
try {
  var theme = localStorage.getItem("theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch (_storageDisabled) {
  // Without storage the page follows the system theme.
}
