import { defineConfig, type Plugin } from 'vite';

/**
 * The widget's CSS lives in template strings (constructable stylesheets need no CSS files, and a
 * strict CSP allows them), so no CSS minifier sees it. This drops comments, the white space
 * around braces and semicolons, after colons and commas and before `!important`, and the last
 * semicolon of a block, none of which CSS needs. Only the style modules are touched.
 */
function compactCssStrings(): Plugin {
  const STYLE_MODULE = /src\/ui\/(styles|launcherStyles)\.ts$/;
  return {
    name: 'heard:compact-css-strings',
    enforce: 'pre',
    transform(code, id) {
      if (!STYLE_MODULE.test(id)) return null;
      const compacted = code.replace(/`([^`]*)`/g, (_match, css: string) => {
        const tight = css
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};])\s*/g, '$1')
          .replace(/([:,])\s+/g, '$1')
          .replace(/ !important/g, '!important')
          .replace(/;}/g, '}')
          .trim();
        return `\`${tight}\``;
      });
      return { code: compacted, map: null };
    },
  };
}

/** Shared by every build (`scripts/build.mjs`) and by Vitest: Preact's JSX, compact CSS strings. */
export default defineConfig({
  plugins: [compactCssStrings()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
