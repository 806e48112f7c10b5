// Stand-in for office-addin-manifest under jest (its ESM dependency breaks jest's CommonJS loader).
// office-addin-mock only needs its OfficeApp enum (to tell Outlook's eager properties from the rest).
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
