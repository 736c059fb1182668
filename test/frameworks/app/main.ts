// The page the framework test drives: both apps, handed to the test through window.
import { mountReact } from './react-app.js';
import { mountVue } from './vue-app.js';
import { mountVueTemplate } from './vue-template-app.js';

declare global {
  interface Window {
    ocmfApps: { mountReact: typeof mountReact; mountVue: typeof mountVue; mountVueTemplate: typeof mountVueTemplate };
  }
}
window.ocmfApps = { mountReact, mountVue, mountVueTemplate };
