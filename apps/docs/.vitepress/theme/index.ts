import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import ConvPlayground from '../../demos/components/ConvPlayground.vue';
import TapePlayground from '../../demos/components/TapePlayground.vue';
import TrainMnist from '../../demos/components/TrainMnist.vue';
import { ExportList } from './export-list.js';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('ExportList', ExportList);
    app.component('TrainMnist', TrainMnist);
    app.component('TapePlayground', TapePlayground);
    app.component('ConvPlayground', ConvPlayground);
  },
} satisfies Theme;
