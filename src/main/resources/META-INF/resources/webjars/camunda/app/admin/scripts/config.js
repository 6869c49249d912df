// Spoorwijzer's Beheer configuration (replaces the webjar's config.js: this application's resources come first on
// the classpath from which the starter serves the webapps). See tasklist/scripts/config.js for the choices.
export default {
  app: {
    name: 'Beheer',
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
  // Signing out at the identity provider as well (profile oidc).
  customScripts: ['scripts/spoorwijzer/uitloggen']
};
