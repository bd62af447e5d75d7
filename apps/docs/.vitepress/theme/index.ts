import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { ExportList } from './export-list.js';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('ExportList', ExportList);
  },
} satisfies Theme;
