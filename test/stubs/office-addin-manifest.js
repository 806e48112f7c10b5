// Stand-in for office-addin-manifest under jest (its ESM dependency breaks jest's CommonJS loader).
module.exports = {};
