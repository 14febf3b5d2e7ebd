// Punkt's globals (local icons, no CDN) must be set before punkt-react is evaluated.
import './app/punkt';
import '@oslokommune/punkt-css/dist/css/pkt.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import favicon from '@oslokommune/punkt-assets/dist/logos/32x32-favicon.svg';
import { App } from './app/App';

const icon = document.createElement('link');
icon.rel = 'icon';
icon.type = 'image/svg+xml';
icon.href = favicon;
document.head.append(icon);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
