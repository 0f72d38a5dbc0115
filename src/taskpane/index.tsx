/**
 * Entry of the task pane (webpack entry `taskpane`), after the `yo office` React template:
 * Office.onReady → <App> with the Office.js gateway inside a FluentProvider. Outside Excel (a
 * plain browser, another Office host, Office.js missing) a short notice is shown instead.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StartupNotice } from './components/StartupNotice';
import { preloadParts } from './components/lazyParts';
import { lazyGateway, lazyImporter } from './lazy';
import { describeError } from './state/errors';

function show(root: Root, node: ReactNode): void {
  root.render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <ErrorBoundary>{node}</ErrorBoundary>
    </FluentProvider>,
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
      .then((info) => start(root, info.host))
      .catch((err: unknown) => {
        console.error('Progress Review: Office.onReady failed', err);
        show(root, <StartupNotice intent="error" title="app.startFailed.title" detail={describeError(err).message} />);
      });
  }
}
