import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { firstLanguage, LocaleProvider } from './i18n/LocaleProvider.tsx';
import './app/base.css';
import './components/components.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Until the messages of the person's language are here, index.html's own first page stays on screen.
void firstLanguage().then((language) =>
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider initial={language}>
        <App />
      </LocaleProvider>
    </StrictMode>,
  ),
);
