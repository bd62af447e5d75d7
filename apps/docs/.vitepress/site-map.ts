/**
 * The site's pages and their titles in each language. The English pages live at the root, their
 * Korean twins under `/ko/` (the same path below it); the navigation of both locales is built from
 * this one list, so a page added here appears in both sidebars.
 */
/** The site's languages: `root` is English, the reference; `ko` is Korean. */
export type Locale = 'root' | 'ko';

/** A page title in each language. */
export interface Titled {
  en: string;
  ko: string;
}

/** A page of the site: its path without the locale prefix (`guide/math`) and its titles. */
export interface SitePage extends Titled {
  path: string;
}

/** The course chapters, in the course's order, with the course's own Korean titles. */
export const guidePages: SitePage[] = [
  { path: 'guide/what-is-deep-learning', en: '1. What deep learning is', ko: '1. 딥러닝이란 무엇인가?' },
  { path: 'guide/math', en: '2. The math: tensors and gradients', ko: '2. 딥러닝을 위한 수학' },
  { path: 'guide/starting-with-networks', en: '3. Starting with networks', ko: '3. 신경망 시작하기' },
  { path: 'guide/multi-layer-networks', en: '4. Multi-layer networks', ko: '4. 다층 신경망 이해' },
  { path: 'guide/keras-api', en: '5. The Keras API', ko: '5. 주요 케라스 문법' },
  { path: 'guide/convolution', en: '6. Convolution', ko: '6. 합성곱 신경망 이해' },
  { path: 'guide/recurrent-networks', en: '7. Recurrent networks', ko: '7. 순환 신경망 이해' },
];

/** The hand-written package overviews under `/api/` (the generated reference sits below them). */
export const apiOverviewPages: SitePage[] = [
  { path: 'api/', en: 'Overview', ko: '개요' },
  ...[
    'tensor',
    'autograd',
    'layers',
    'optimizers',
    'losses',
    'metrics',
    'datasets',
    'preprocessing',
    'models',
    'keras',
  ].map((name) => ({ path: `api/${name}`, en: `@horn/${name}`, ko: `@horn/${name}` })),
];

/** The top-level pages. */
export const introPages = {
  gettingStarted: { path: 'getting-started', en: 'Getting started', ko: '시작하기' },
  backends: { path: 'backends', en: 'Backends & speed', ko: '백엔드와 속도' },
} satisfies Record<string, SitePage>;

/** Section labels of the sidebar and nav. */
export const labels = {
  introduction: { en: 'Introduction', ko: '소개' },
  course: { en: 'The course, in TypeScript', ko: '강의를 TypeScript로' },
  guide: { en: 'Guide', ko: '가이드' },
  api: { en: 'API', ko: 'API' },
  demos: { en: 'Live demos', ko: '라이브 데모' },
} satisfies Record<string, Titled>;

/** The URL of a page in a locale: `/guide/math` or `/ko/guide/math`. */
export function localeLink(locale: Locale, path: string): string {
  return `${locale === 'ko' ? '/ko/' : '/'}${path}`;
}

/** A page as a sidebar or nav item of a locale. */
export function item(locale: Locale, page: SitePage): { text: string; link: string } {
  return { text: locale === 'ko' ? page.ko : page.en, link: localeLink(locale, page.path) };
}

/** The title of a label in a locale. */
export function label(locale: Locale, titled: Titled): string {
  return locale === 'ko' ? titled.ko : titled.en;
}
