/**
 * The pane's own CSS, as one string rendered in a <style> element by the App.
 *
 * Why not makeStyles: Fluent's components ship pre-compiled styles, but any makeStyles call in
 * our code pulls Griffel's runtime CSS compiler (stylis, rtl-css-js) into the bundle, ~8 KB
 * gzip, and the pane has a 142 KB budget. Colours, sizes and spacing are still Fluent's: the
 * var(--…) names are the theme tokens FluentProvider defines, so Office light and dark both work.
 * Selectors start with .kj-root so they outrank Fluent's single-class atomic rules.
 */
export const PANE_CSS = `
.kj-root{box-sizing:border-box;min-width:280px;padding:var(--spacingVerticalS) var(--spacingHorizontalM) var(--spacingVerticalXXL);font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);line-height:var(--lineHeightBase300);color:var(--colorNeutralForeground1);background:var(--colorNeutralBackground1);overflow-wrap:anywhere}
.kj-root *{box-sizing:border-box}
.kj-root p{margin:var(--spacingVerticalXS) 0}
.kj-header{display:flex;align-items:center;gap:var(--spacingHorizontalS);flex-wrap:wrap}
.kj-h1{margin:0;font-size:var(--fontSizeBase500);line-height:var(--lineHeightBase500);font-weight:var(--fontWeightSemibold)}
.kj-h2{margin:var(--spacingVerticalM) 0 var(--spacingVerticalS);font-size:var(--fontSizeBase400);line-height:var(--lineHeightBase400);font-weight:var(--fontWeightSemibold)}
.kj-h3{margin:var(--spacingVerticalM) 0 var(--spacingVerticalXS);font-size:var(--fontSizeBase300);line-height:var(--lineHeightBase300);font-weight:var(--fontWeightSemibold)}
.kj-muted{color:var(--colorNeutralForeground3);font-size:var(--fontSizeBase200);line-height:var(--lineHeightBase200)}
.kj-num{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.kj-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.kj-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:var(--spacingVerticalXS)}
.kj-actions{display:flex;flex-wrap:wrap;gap:var(--spacingHorizontalS);margin:var(--spacingVerticalS) 0}
.kj-notice{margin-top:var(--spacingVerticalS)}
.kj-tables{margin-top:var(--spacingVerticalS)}
.kj-tables-pick{display:flex;flex-wrap:wrap;gap:var(--spacingHorizontalS);align-items:center;margin-top:var(--spacingVerticalXS)}
.kj-tables-pick select{max-width:100%;font:inherit;padding:2px var(--spacingHorizontalXS);border:1px solid var(--colorNeutralStroke1);border-radius:var(--borderRadiusMedium);background:var(--colorNeutralBackground1);color:var(--colorNeutralForeground1)}
.kj-live{display:flex;align-items:flex-start;gap:var(--spacingHorizontalXS);margin-top:var(--spacingVerticalXS);cursor:pointer}
.kj-live input{margin:3px 0 0;accent-color:var(--colorBrandBackground)}
.kj-table{width:100%;border-collapse:collapse;font-size:var(--fontSizeBase200);line-height:var(--lineHeightBase200)}
.kj-table th,.kj-table td{padding:var(--spacingVerticalXXS) var(--spacingHorizontalXS);border-bottom:var(--strokeWidthThin) solid var(--colorNeutralStroke2);vertical-align:top;overflow-wrap:anywhere}
.kj-table th{font-weight:var(--fontWeightSemibold);text-align:left}
.kj-table .kj-num{text-align:right}
.kj-details{margin-top:var(--spacingVerticalS)}
.kj-details>summary{cursor:pointer;color:var(--colorBrandForegroundLink)}
.kj-center{padding:var(--spacingVerticalXXL) 0}
.kj-spinner{display:flex;flex-direction:column;align-items:center;gap:8px}
.kj-spinner-ring{display:block;width:32px;height:32px;border:var(--strokeWidthThicker) solid var(--colorBrandStroke2Contrast,var(--colorBrandStroke2));border-top-color:var(--colorBrandStroke1);border-radius:50%;animation:kj-spin 1.5s linear infinite}
.kj-spinner-xt .kj-spinner-ring{width:16px;height:16px;border-width:var(--strokeWidthThick)}
.kj-spinner-label{font-size:var(--fontSizeBase400);line-height:var(--lineHeightBase400);font-weight:var(--fontWeightSemibold);color:var(--colorNeutralForeground1)}
@keyframes kj-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.kj-spinner-ring{animation-duration:3s}}

.kj-tabs{display:flex;flex-wrap:wrap;gap:var(--spacingHorizontalXXS);margin-top:var(--spacingVerticalS);border-bottom:var(--strokeWidthThin) solid var(--colorNeutralStroke2)}
.kj-tab{position:relative;min-height:32px;padding:var(--spacingVerticalXS) var(--spacingHorizontalS);border:0;border-radius:var(--borderRadiusMedium);background:transparent;color:var(--colorNeutralForeground2);font:inherit;cursor:pointer}
.kj-tab:hover{background:var(--colorSubtleBackgroundHover);color:var(--colorNeutralForeground1)}
.kj-tab:focus-visible{outline:var(--strokeWidthThick) solid var(--colorStrokeFocus2);outline-offset:-2px}
.kj-tab[aria-selected=true]{color:var(--colorNeutralForeground1);font-weight:var(--fontWeightSemibold)}
.kj-tab[aria-selected=true]::after{content:"";position:absolute;left:var(--spacingHorizontalS);right:var(--spacingHorizontalS);bottom:-1px;height:3px;border-radius:var(--borderRadiusCircular);background:var(--colorCompoundBrandStroke)}

.kj-total{display:grid;grid-template-columns:6.5em 4.2em 1fr;align-items:center;column-gap:var(--spacingHorizontalS);row-gap:var(--spacingVerticalXXS);padding:var(--spacingVerticalXS) 0;border-bottom:var(--strokeWidthThin) solid var(--colorNeutralStroke2)}
.kj-total-year{font-weight:var(--fontWeightSemibold)}
.kj-big{font-size:var(--fontSizeBase500);line-height:var(--lineHeightBase500);font-weight:var(--fontWeightSemibold)}
.kj-total-notes{grid-column:1/-1;display:flex;flex-wrap:wrap;column-gap:var(--spacingHorizontalM)}
.kj-badge{position:relative;display:inline-flex;align-items:center;justify-content:center;height:24px;min-width:24px;padding:0 calc(var(--spacingHorizontalXS) + var(--spacingHorizontalXXS));border-radius:var(--borderRadiusMedium);border-color:var(--colorTransparentStroke);font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase200);line-height:var(--lineHeightBase200);font-weight:var(--fontWeightSemibold);color:var(--colorNeutralForegroundOnBrand)}
.kj-badge::after{content:"";position:absolute;inset:0;border-style:solid;border-color:inherit;border-width:var(--strokeWidthThin);border-radius:inherit}
.kj-badge-A{background-color:var(--colorPaletteGreenBackground3)}
.kj-badge-B{background-color:var(--colorPaletteYellowBackground3);color:var(--colorNeutralForeground1Static)}
.kj-badge-C{background-color:var(--colorPaletteRedBackground3)}
.kj-warn{color:var(--colorStatusWarningForeground1)}
.kj-bad{color:var(--colorStatusDangerForeground1);font-weight:var(--fontWeightSemibold)}
.kj-chart{display:block;width:100%;max-width:400px;margin-top:var(--spacingVerticalS)}

.kj-group-h{display:flex;align-items:center;gap:var(--spacingHorizontalS)}
.kj-count{font-weight:var(--fontWeightRegular);color:var(--colorNeutralForeground3)}
.kj-root .kj-hl-item{width:100%;height:auto;min-height:0;justify-content:flex-start;text-align:start;font-weight:var(--fontWeightRegular);padding:var(--spacingVerticalS) var(--spacingHorizontalS);border:var(--strokeWidthThin) solid var(--colorNeutralStroke2);border-left-width:var(--strokeWidthThickest)}
.kj-root .kj-sev-unreachable{border-left-color:var(--colorPaletteRedBorder2)}
.kj-root .kj-sev-gap{border-left-color:var(--colorPaletteMarigoldBorder2)}
.kj-root .kj-sev-mismatch{border-left-color:var(--colorBrandStroke1)}
.kj-root .kj-sev-error{border-left-color:var(--colorNeutralStrokeAccessible)}
.kj-hl-body{display:flex;flex-direction:column;gap:var(--spacingVerticalXXS);min-width:0;flex-grow:1}
.kj-hl-top{display:flex;justify-content:space-between;gap:var(--spacingHorizontalS);align-items:baseline}
.kj-hl-name,.kj-hl-need{font-weight:var(--fontWeightSemibold)}
.kj-cell{font-family:var(--fontFamilyMonospace);white-space:nowrap}
.kj-hl-top .kj-cell{color:var(--colorBrandForegroundLink)}

.kj-write{padding:var(--spacingVerticalXS) 0;border-bottom:var(--strokeWidthThin) solid var(--colorNeutralStroke2)}
.kj-write-line{display:flex;flex-wrap:wrap;column-gap:var(--spacingHorizontalM);align-items:baseline}
.kj-write-line .kj-cell{font-weight:var(--fontWeightSemibold);min-width:3.5em}
.kj-before{color:var(--colorNeutralForeground3);text-decoration:line-through}
.kj-after{font-weight:var(--fontWeightSemibold)}
.kj-portable{margin-top:var(--spacingVerticalM);display:flex;flex-direction:column;gap:var(--spacingVerticalXS)}
.kj-check{display:flex;gap:var(--spacingHorizontalS);align-items:flex-start;cursor:pointer}
.kj-check input{margin:3px 0 0;width:16px;height:16px;flex-shrink:0;accent-color:var(--colorCompoundBrandBackground)}

.kj-ind{padding:var(--spacingVerticalS) 0;border-bottom:var(--strokeWidthThin) solid var(--colorNeutralStroke2)}
.kj-ind-head{display:flex;justify-content:space-between;gap:var(--spacingHorizontalS);align-items:baseline}
.kj-ind-name{margin:0;font-size:var(--fontSizeBase300);line-height:var(--lineHeightBase300);font-weight:var(--fontWeightSemibold)}
.kj-ind-max{white-space:nowrap}
.kj-ind .kj-table{table-layout:fixed;margin-top:var(--spacingVerticalXXS)}
.kj-ind-year{width:28%}
.kj-ind-score{width:30%}
.kj-ind-status{width:24%}
.kj-ind-required{margin-top:var(--spacingVerticalXXS);font-weight:var(--fontWeightSemibold)}
.kj-ind-notes{list-style:none;margin:var(--spacingVerticalXXS) 0 0;padding:0}
.kj-looked{margin:var(--spacingVerticalXS) 0 0;padding-left:var(--spacingHorizontalL)}
.kj-looked li{font-weight:var(--fontWeightSemibold);white-space:pre-wrap}
`;

/** A theme token as a CSS value, for inline SVG styles. */
export const v = (token: string): string => `var(--${token})`;
