// The page the framework test drives: both apps, handed to the test through window.
import { mountReact } from './react-app.js';
import { mountVue } from './vue-app.js';

declare global {
  interface Window {
    ocmfApps: { mountReact: typeof mountReact; mountVue: typeof mountVue };
  }
}
window.ocmfApps = { mountReact, mountVue };
