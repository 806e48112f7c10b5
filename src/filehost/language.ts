/** zh unless the page asks for English (?lang=en) or the browser's first language is English. */
export function pageLanguage(search: string, browserLanguage: string | undefined): "zh" | "en" {
  const asked = new URLSearchParams(search).get("lang")?.toLowerCase();
  if (asked === "en" || asked === "zh") return asked;
  return (browserLanguage ?? "").toLowerCase().startsWith("en") ? "en" : "zh";
}
