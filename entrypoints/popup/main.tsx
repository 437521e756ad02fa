import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDb } from '../../lib/store/db';
import { App } from './App';
import './style.css';

const db = openDb();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={db} />
  </StrictMode>,
);
