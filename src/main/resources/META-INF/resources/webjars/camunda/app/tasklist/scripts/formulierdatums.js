// Camunda Forms date fields in dd-mm-jjjj, whatever the browser's language.
//
// The form renderer of Tasklist 7.24 (form-js 1.8) takes its date picker's format from the browser's locale: it asks
// new Intl.DateTimeFormat('default') for the order of day, month and year. In a browser set to en-US that is
// mm/dd/yyyy, so "03/12/2026" meant as 3 December was stored as 12 March. form-js offers no setting for the format, so
// this script answers exactly that question (locale 'default', no options) with the Dutch day-month-year in two
// digits; every other use of Intl.DateTimeFormat is left alone. The value stored is unchanged: an ISO date
// (yyyy-mm-dd) as before.
const BrowserDateTimeFormat = Intl.DateTimeFormat;
const DUTCH_FORM_DATE = ['nl-NL', {day: '2-digit', month: '2-digit', year: 'numeric'}];

function FormDateTimeFormat(locales, options) {
  if (locales === 'default' && options === undefined) {
    return new BrowserDateTimeFormat(...DUTCH_FORM_DATE);
  }
  return new BrowserDateTimeFormat(locales, options);
}

FormDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
FormDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf.bind(BrowserDateTimeFormat);
Intl.DateTimeFormat = FormDateTimeFormat;

// A custom script may also deliver Tasklist plug-ins; this one has none.
export default [];
