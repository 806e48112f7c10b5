/*
 * The TypeScript rule every bundle shares (the add-in, the page, the WPS 加载项): ts-loader with
 * type checking left to `npm run typecheck`, and ES modules out, so webpack sees import() (lazy
 * chunks) and can tree-shake; tsconfig.json says commonjs, which jest and tsc want.
 */
"use strict";

function tsRule({ sourceMap }) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { module: "esnext", target: "es2020", sourceMap } },
  };
}

module.exports = { tsRule };
