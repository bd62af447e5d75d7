/**
 * The two locales of the site: English at the root (the reference) and Korean under `/ko/`, each
 * with its own nav, sidebar and theme labels. VitePress's language menu links every page to its
 * twin at the same path in the other locale; `test/locales.test.ts` checks every page has one.
 */
import type { DefaultTheme, LocaleConfig } from 'vitepress';
import { type NavigationPlugins, nav, sidebar } from './sidebar.js';

/** The `locales` block of the VitePress config. */
export function siteLocales(plugins: NavigationPlugins): LocaleConfig<DefaultTheme.Config> {
  return {
    root: {
      label: 'English',
      lang: 'en-US',
      title: 'Horn',
      description: 'Keras-style deep learning for TypeScript',
      themeConfig: {
        nav: nav('root', plugins),
        sidebar: sidebar('root', plugins),
        footer: { message: 'MIT licensed. The programs on these pages print the output shown next to them.' },
      },
    },
    ko: {
      label: '한국어',
      lang: 'ko-KR',
      link: '/ko/',
      title: 'Horn',
      description: 'TypeScript로 하는 케라스 스타일 딥러닝',
      themeConfig: {
        nav: nav('ko', plugins),
        sidebar: sidebar('ko', plugins),
        footer: { message: 'MIT 라이선스. 각 페이지의 프로그램은 옆에 보이는 출력을 그대로 인쇄합니다.' },
        outline: { level: [2, 3], label: '이 페이지의 내용' },
        docFooter: { prev: '이전 페이지', next: '다음 페이지' },
        darkModeSwitchLabel: '화면 모드',
        lightModeSwitchTitle: '밝은 화면으로',
        darkModeSwitchTitle: '어두운 화면으로',
        sidebarMenuLabel: '메뉴',
        returnToTopLabel: '맨 위로',
        langMenuLabel: '언어 바꾸기',
        skipToContentLabel: '본문으로 건너뛰기',
        notFound: {
          title: '페이지를 찾을 수 없습니다',
          quote: '주소가 바뀌었거나 아직 번역되지 않은 페이지입니다.',
          linkLabel: '홈으로',
          linkText: '홈으로 가기',
        },
      },
    },
  };
}

/** Korean labels of the local search box. */
export const koreanSearch: DefaultTheme.LocalSearchOptions['locales'] = {
  ko: {
    translations: {
      button: { buttonText: '검색', buttonAriaLabel: '검색' },
      modal: {
        displayDetails: '자세히 보기',
        resetButtonTitle: '검색어 지우기',
        backButtonTitle: '검색 닫기',
        noResultsText: '결과가 없습니다',
        footer: { selectText: '선택', navigateText: '이동', closeText: '닫기' },
      },
    },
  },
};
