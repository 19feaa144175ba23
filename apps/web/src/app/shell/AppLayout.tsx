import { AppShell, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SkipLink } from '../../components/SkipLink';
import { ServerVersion } from './ServerVersion';
import { ShellHeader } from './ShellHeader';
import { ShellNavbar } from './ShellNavbar';

const MAIN_ID = 'main-content';
const NAVBAR_ID = 'app-navbar';

/** The layout route: header, navigation, the current page, and a footer with the server version. */
export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const theme = useMantineTheme();
  // Read synchronously: there is no server render to match, and a wrong first guess would
  // briefly make the desktop navbar inert.
  const wideScreen = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
  // A collapsed small-screen navbar is only moved off-screen; inert keeps its links out of
  // the tab order and the accessibility tree until the burger opens it.
  const navHidden = !wideScreen && !navOpened;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      footer={{ height: 40 }}
      padding="md"
    >
      <SkipLink targetId={MAIN_ID} />
      <AppShell.Header>
        <ShellHeader navOpened={navOpened} navbarId={NAVBAR_ID} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar id={NAVBAR_ID} aria-label="Main navigation" p="sm" inert={navHidden}>
        {/* On small screens the navbar overlays the page, so following a link closes it. */}
        <ShellNavbar onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <AppShell.Footer px="md">
        <ServerVersion />
      </AppShell.Footer>
      <ScrollRestoration />
    </AppShell>
  );
}
