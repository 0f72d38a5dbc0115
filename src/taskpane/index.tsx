// PLACEHOLDER written by the build/manifest work so that webpack has an entry to compile.
// The real task pane entry replaces this file.
import { createRoot } from 'react-dom/client';

const container = document.getElementById('container');
if (container) {
  createRoot(container).render(<div>進捗レビュー</div>);
}
