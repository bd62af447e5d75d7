// Stylesheets imported by the theme are bundled by Vite.
declare module '*.css';
