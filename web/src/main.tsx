import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { captureKeyFromLocation } from './auth/session-key';
import './styles.css';

// A key sent as `/ingresar#clave=…` is stored for this tab and erased from the address bar before anything renders.
captureKeyFromLocation();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
