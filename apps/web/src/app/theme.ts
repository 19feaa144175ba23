import { Badge, createTheme, darken, lighten, Modal, Notification, localStorageColorSchemeManager, type CSSVariablesResolver } from '@mantine/core';

/** Must match the key read by public/color-scheme.js before the app loads. */
export const COLOR_SCHEME_STORAGE_KEY = 'mantine-color-scheme-value';

export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY });

// Indigo at shade 7 keeps links and filled buttons above 4.5:1 against white; Mantine's
// default blue-6 falls short of WCAG AA for body-size text.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  // Mantine's close buttons (an icon) have no accessible name of their own.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
    // A badge is one or two words: it keeps its width instead of shrinking to "REJECT…" in a
    // narrow table cell, and the row wraps instead.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } }),
  },
});

// Contrast fixes found by the axe scans (WCAG AA needs 4.5:1 for body text):
// - Mantine's "dimmed" greys (gray-6 on white, dark-2 on dark-7) measure about 3.3:1 and
//   4.0:1; one shade stronger passes in both schemes.
// - The hover background of light-variant indigo (the active nav link under the mouse) is
//   indigo-2, 4.1:1 against its indigo-9 text; a lighter tint gives 4.8:1.
// - Light-variant badges and alerts write shade 6 on a 10 % tint of it (green 3.0:1, orange
//   2.6:1); every colour's light-variant text is set to its shade 9 darkened by 30 % (yellow,
//   the weakest, measures 5.0:1 on its tint).
// - Field errors (message and the invalid input's text) default to red-6 on white, 3.3:1;
//   red-8 gives 5.7:1, and red-5 on the dark body 5.9:1.
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  light: {
    ...lightVariantText(resolvedTheme.colors),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-indigo-light-hover': lighten(resolvedTheme.colors.indigo[2], 0.3),
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-5)',
  },
});

function lightVariantText(colors: Record<string, readonly string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9] ?? '#000', 0.3)]),
  );
}
