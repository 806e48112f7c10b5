/** CSS of the lazy analysis views, loaded with them (the pane's own CSS is in ../../css.ts). */
export const ANALYSIS_CSS = `
.kj-root .kj-up-head{font-weight:var(--fontWeightSemibold);color:var(--colorBrandForeground1)}
.kj-root .kj-up-goal{margin-top:var(--spacingVerticalXXS)}
.kj-root .kj-up-suggest{margin:var(--spacingVerticalS) 0;padding:var(--spacingVerticalS) var(--spacingHorizontalM);border:var(--strokeWidthThin) solid var(--colorBrandStroke2);border-left:var(--strokeWidthThickest) solid var(--colorBrandStroke1);border-radius:var(--borderRadiusMedium);background:var(--colorBrandBackground2)}
.kj-root .kj-up-steps{margin:var(--spacingVerticalXS) 0;padding-left:var(--spacingHorizontalL)}
.kj-root .kj-up-steps li{margin:var(--spacingVerticalXXS) 0}
.kj-root .kj-up-total{font-weight:var(--fontWeightSemibold)}
.kj-root .kj-tab[aria-pressed=true]{color:var(--colorNeutralForeground1);font-weight:var(--fontWeightSemibold);background:var(--colorSubtleBackgroundSelected)}
.kj-root .kj-dept{padding-bottom:var(--spacingVerticalS);border-bottom:var(--strokeWidthThick) solid var(--colorNeutralStroke1)}
.kj-root .kj-dept-flags{margin:var(--spacingVerticalXXS) 0 0;padding-left:var(--spacingHorizontalL)}
`;
