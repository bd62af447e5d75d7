import { useData } from 'vitepress';
import { defineComponent, h } from 'vue';
import { data } from '../../api/exports.data.js';

/**
 * `<ExportList pkg="@horn/tensor" />`: what the package's `src/index.ts` exports, read when the
 * site is built, so the list cannot fall behind the code.
 */
export const ExportList = defineComponent({
  name: 'ExportList',
  props: { pkg: { type: String, required: true } },
  setup(props) {
    const { lang } = useData();
    return () => {
      const ko = lang.value.startsWith('ko');
      const info = data[props.pkg];
      if (!info) return h('p', { class: 'export-missing' }, `No package ${props.pkg} in this repository.`);
      if (!info.exports) {
        return h('div', { class: 'custom-block warning' }, [
          h('p', { class: 'custom-block-title' }, 'Coming'),
          h('p', [`${info.dir}/src/index.ts does not exist yet: `, h('code', props.pkg), ' has not shipped.']),
        ]);
      }
      const list = (names: string[]) =>
        h(
          'ul',
          { class: 'export-list' },
          names.map((n) => h('li', h('code', n))),
        );
      return h('div', [
        h(
          'p',
          ko
            ? `값 — 함수, 클래스, 상수 (${info.exports.values.length}개):`
            : `Values — functions, classes and constants (${info.exports.values.length}):`,
        ),
        list(info.exports.values),
        h('p', ko ? `타입 (${info.exports.types.length}개):` : `Types (${info.exports.types.length}):`),
        list(info.exports.types),
      ]);
    };
  },
});
