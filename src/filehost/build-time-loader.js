/*
 * webpack loader: runs the module at build time (webpack's own importModule, through the same
 * ts-loader) and replaces it with its default export as JSON. Used for sample-plan.ts, so the
 * page shows the sample's plan without shipping or running the engine before the first view.
 */
"use strict";
// a pitching loader: its result replaces the module before ts-loader would compile it for the page
module.exports = function buildTimeLoader(source) {
  return source;
};
module.exports.pitch = function buildTimeLoaderPitch() {
  const done = this.async();
  // the "?build-time" query marks the inner request, which this loader's rule leaves alone
  this.importModule(`${this.resourcePath}?build-time`, {}, (err, exports) => {
    if (err) return done(err);
    const value = exports && "default" in exports ? exports.default : exports;
    if (value === undefined) return done(new Error(`${this.resourcePath}: no default export to inline`));
    // JSON.parse of a string literal is faster to load than the same object as a JS literal
    done(null, `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`);
  });
};
