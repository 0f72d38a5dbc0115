/**
 * Entry of the task pane (webpack entry `taskpane`), after the `yo office` React template:
 * Office.onReady → <App> with the Office.js gateway inside a FluentProvider. Outside Excel (a
 * plain browser, another Office host, Office.js missing) a short notice is shown instead.
 */
import { FluentProvider, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StartupNotice } from './components/StartupNotice';
import { preloadParts } from './components/lazyParts';
import { lazyGateway, lazyImporter } from './lazy';
import { describeError } from './state/errors';
import { currentPaneTheme, LIGHT, loadTheme, watchPaneTheme, type LoadedTheme } from './theme';

/** Fluent's theme for Office's (./theme.ts), followed while the pane is open */
function Themed({ initial, children }: { initial: LoadedTheme; children: ReactNode }) {
  const [theme, setTheme] = useState(initial);
  useEffect(() => {
    let latest = 0;
    return watchPaneTheme((name) => {
      const asked = ++latest;
      void loadTheme(name).then((loaded) => asked === latest && setTheme((now) => (now.name === loaded.name ? now : loaded)));
    });
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme.name; // for the page's own colours and for tests
    document.documentElement.style.colorScheme = theme.name === 'light' ? 'light' : 'dark';
  }, [theme]);
  return (
    <FluentProvider theme={theme.fluent} style={{ minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 }}>
      {children}
    </FluentProvider>
  );
}

/** the theme the pane opens with (Office's, once Office is ready) */
let firstTheme = LIGHT;

function show(root: Root, node: ReactNode): void {
  root.render(
    <Themed initial={firstTheme}>
      <ErrorBoundary>{node}</ErrorBoundary>
    </Themed>,
  );
}

function start(root: Root, host: unknown): void {
  // Office.HostType.Excel is "Excel"; compared as a string so a stand-in Office object works too.
  if (host !== 'Excel') {
    show(root, <StartupNotice title="app.notInExcel.title" body="app.notInExcel.body" />);
    return;
  }
  try {
    // The review engine and the parts not on the first screen are chunks of their own (./lazy.ts),
    // fetched in the background once the pane shows.
    const gateway = lazyGateway(() => import(/* webpackChunkName: "engine" */ './engine').then((m) => m.createOfficeGateway()));
    const importer = lazyImporter(() => import(/* webpackChunkName: "engine" */ './engine').then((m) => m.createOfficeImportGateway()));
    show(root, <App gateway={gateway} importer={importer} />);
    gateway.preload();
    preloadParts();
  } catch (err) {
    console.error('Progress Review: the task pane could not start', err);
    show(root, <StartupNotice intent="error" title="app.startFailed.title" detail={describeError(err).message} />);
  }
}

const container = document.getElementById('container');
if (container) {
  const root = createRoot(container);
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    start(root, null);
  } else {
    Office.onReady()
      .then(async (info) => {
        firstTheme = await loadTheme(currentPaneTheme());
        start(root, info.host);
      })
      .catch((err: unknown) => {
        console.error('Progress Review: Office.onReady failed', err);
        show(root, <StartupNotice intent="error" title="app.startFailed.title" detail={describeError(err).message} />);
      });
  }
}
