// Spoorwijzer's Cockpit configuration (replaces the webjar's config.js: this application's resources come first on
// the classpath from which the starter serves the webapps). See tasklist/scripts/config.js for the choices.
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Spoorwijzer'
  },
  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD-MM-YYYY HH:mm',
    normal: 'DD-MM-YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm',
    short: 'DD-MM-YYYY'
  },
  // A header link to Spoorwijzer's overview (/overzicht), see the script.
  customScripts: ['scripts/spoorwijzer/navigatie', 'scripts/spoorwijzer/uitloggen']
};
