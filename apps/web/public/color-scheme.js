// Mirrors the script Mantine's <ColorSchemeScript /> renders: read the scheme saved by
// MantineProvider's localStorage manager and set it on <html> before the app loads, so a
// dark-mode user never sees a white flash. Keep the key in sync with src/app/theme.ts.
(function () {
  try {
    var saved = window.localStorage.getItem('mantine-color-scheme-value');
    var scheme = saved === 'light' || saved === 'dark' || saved === 'auto' ? saved : 'auto';
    var computed =
      scheme !== 'auto'
        ? scheme
        : window.matchMedia('(prefers-color-scheme: dark)').matches
          ? 'dark'
          : 'light';
    document.documentElement.setAttribute('data-mantine-color-scheme', computed);
  } catch {
    // Storage can be blocked (privacy mode); MantineProvider falls back on its own.
  }
})();
