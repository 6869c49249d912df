// Spoorwijzer's Tasklist configuration. Served instead of the webjar's own config.js: the starter serves the webapps
// from classpath:/META-INF/resources/webjars/camunda/ and this application's resources come first on the classpath.
export default {
  app: {
    name: 'Takenlijst',
    vendor: 'Spoorwijzer'
  },
  // Dutch only, whatever the browser's language: the webapps choose the first of availableLocales that matches the
  // browser's language and fall back to fallbackLocale otherwise, so an English browser also gets Dutch. Add 'en'
  // to availableLocales to show English to English browsers (the webjar's en.json is still served).
  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },
  // Moment.js formats (dd-mm-jjjj) for the dates in lists and task details; relative dates ("over 4 dagen") come
  // from the dateLocales in locales/nl.json.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD-MM-YYYY HH:mm',
    normal: 'DD-MM-YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm',
    short: 'DD-MM-YYYY'
  },
  // Camunda Forms date fields read and show dd-mm-jjjj in every browser; the task list sorts by legal due date by
  // default; the header links to the case screen and the overview (see the scripts).
  customScripts: ['scripts/formulierdatums', 'scripts/spoorwijzer/termijn-sortering', 'scripts/spoorwijzer/navigatie',
    'scripts/spoorwijzer/uitloggen'],
  // The first-login hint points to Camunda's welcome page with a text of Camunda's; not for case handlers.
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'de geselecteerde taak claimen'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'naar het eerste filter in de lijst'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'naar de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'naar het eerste invoerveld van het formulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'het venster "Proces starten" openen'
    }
  }
};
