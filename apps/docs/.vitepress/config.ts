import { defineConfig } from 'vitepress';
import { sidebarApi } from './sidebar-api.js';

const guide = [
  { text: '1. What deep learning is', link: '/guide/what-is-deep-learning' },
  { text: '2. The math: tensors and gradients', link: '/guide/math' },
  { text: '3. Starting with networks', link: '/guide/starting-with-networks' },
  { text: '4. Multi-layer networks', link: '/guide/multi-layer-networks' },
  { text: '5. The Keras API', link: '/guide/keras-api' },
  { text: '6. Convolution', link: '/guide/convolution' },
  { text: '7. Recurrent networks', link: '/guide/recurrent-networks' },
];

// The packages' READMEs are included into the API pages; their link back to the repository's
// README (`../../README.md`) means the home page here.
const readmeLink = /^(\.\.\/)+README\.md$/;

export default defineConfig({
  title: 'Horn',
  description: 'Keras-style deep learning for TypeScript',
  lang: 'en-US',
  cleanUrls: true,
  srcExclude: ['README.md', 'test/**', 'snippets/**', 'lib/**'],
  markdown: {
    config(md) {
      md.core.ruler.push('horn-readme-links', (state) => {
        for (const block of state.tokens) {
          for (const token of block.children ?? []) {
            const href = token.type === 'link_open' ? token.attrGet('href') : null;
            if (href && readmeLink.test(href)) token.attrSet('href', '/');
          }
        }
      });
    },
  },
  themeConfig: {
    nav: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Guide', link: '/guide/what-is-deep-learning' },
      { text: 'API', link: '/api/' },
      { text: 'Backends & speed', link: '/backends' },
    ],
    sidebar: [
      { text: 'Introduction', items: [{ text: 'Getting started', link: '/getting-started' }] },
      { text: 'The course, in TypeScript', items: guide },
      { text: 'API', items: sidebarApi },
      { text: 'Backends & speed', link: '/backends' },
    ],
    outline: [2, 3],
    search: { provider: 'local' },
    footer: { message: 'MIT licensed. Every number on these pages is printed by a program the tests run.' },
  },
});
