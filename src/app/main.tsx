import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createApp } from './app';
import './index.css';

// The BFF's CSP allows styles with its per-request nonce only; Radix's injected <style> elements
// take it from get-nonce, so the policy needs no 'unsafe-inline'.
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.content;
if (nonce) setNonce(nonce);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const app = createApp();
createRoot(root).render(
  <StrictMode>
    <App {...app} />
  </StrictMode>,
);
