// Stylesheets imported by the theme are bundled by Vite.
declare module '*.css';

// The demos' single-file components (demos/components), compiled by VitePress's Vue plugin.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent<Record<string, unknown>, Record<string, unknown>, unknown>;
  export default component;
}
