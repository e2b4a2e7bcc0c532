// Botpress webchat v4 (React 19): <Webchat> plus the <Fab> that toggles it, as its docs show,
// with the package's stylesheet. It talks to a remote chat API, which the bench blocks and counts.
import { Fab, Webchat } from '@botpress/webchat';
import { createElement, Fragment, useState } from 'react';
import { createRoot } from 'react-dom/client';
import css from '../node_modules/@botpress/webchat/dist/style.css?inline';

const style = document.createElement('style');
style.textContent = css;
document.head.append(style);

function App() {
  const [open, setOpen] = useState(false);
  return createElement(
    Fragment,
    null,
    createElement(Webchat, {
      clientId: '00000000-0000-4000-8000-000000000000',
      style: { width: '400px', height: '600px', display: open ? 'flex' : 'none', position: 'fixed', bottom: '90px', right: '20px' },
    }),
    createElement(Fab, { onClick: () => setOpen(!open), style: { position: 'fixed', bottom: '20px', right: '20px', width: '64px', height: '64px' } }),
  );
}

const mount = document.createElement('div');
document.body.append(mount);
createRoot(mount).render(createElement(App));
