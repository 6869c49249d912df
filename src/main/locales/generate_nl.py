#!/usr/bin/env python3
"""Writes the Dutch locale (locales/nl.json) of Camunda's Tasklist, Cockpit, Admin and Welcome.

Spoorwijzer's own Dutch: webapps-nl.json maps each English text of the webjar's en.json files to our translation
(one entry per distinct English text, so a text that occurs in several apps is translated once). After a Camunda
upgrade, run this script: it lists every English text without a translation (add it to webapps-nl.json and run
again) and every translation that lost a placeholder ({{name}}, {}) or HTML tag of its English text.

    python3 src/main/locales/generate_nl.py [path/to/camunda-webapp-webjar-<version>.jar]

Without an argument it takes the webjar of the version in pom.xml from ~/.m2. The unit test
system/WebappLocalesTest fails the build while a key of the webjar's en.json is missing from our nl.json.
"""
import json
import pathlib
import re
import sys
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
PROJECT = HERE.parent.parent.parent
APPS = ['tasklist', 'cockpit', 'admin', 'welcome']
WEBJAR_APP = 'META-INF/resources/webjars/camunda/app/'
TARGET = PROJECT / 'src/main/resources' / WEBJAR_APP
TOKENS = re.compile(r'\{\{\s*\w+\s*\}\}|\{\}|</?(?:a|br|strong|em|b|i|code|p|span|ul|li)\b[^>]*>')

# Dutch dates for moment.js (lists, "over 4 dagen"): day-month-year, weeks from Monday, ISO week numbers.
DATE_LOCALE = {
    'months': ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
               'oktober', 'november', 'december'],
    'monthsShort': ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    'weekdays': ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    'weekdaysShort': ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    'weekdaysMin': ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    'longDateFormat': {
        'LT': 'HH:mm',
        'L': 'DD-MM-YYYY',
        'LL': 'D MMMM YYYY',
        'LLL': 'D MMMM YYYY HH:mm',
        'LLLL': 'dddd D MMMM YYYY HH:mm'
    },
    'calendar': {
        'sameDay': '[vandaag om] LT',
        'nextDay': '[morgen om] LT',
        'nextWeek': 'dddd [om] LT',
        'lastDay': '[gisteren om] LT',
        'lastWeek': '[afgelopen] dddd [om] LT',
        'sameElse': 'L'
    },
    'relativeTime': {
        'future': 'over %s',
        'past': '%s geleden',
        's': 'een paar seconden',
        'm': 'een minuut',
        'mm': '%d minuten',
        'h': 'een uur',
        'hh': '%d uur',
        'd': 'een dag',
        'dd': '%d dagen',
        'M': 'een maand',
        'MM': '%d maanden',
        'y': 'een jaar',
        'yy': '%d jaar'
    },
    'week': {'dow': 1, 'doy': 4}
}

# Texts deliberately left empty: the "migrate to Camunda 8" banner (see styles/user-styles.css).
DELIBERATELY_EMPTY = {'BANNER_CE_EOL_TEXT'}


def default_webjar():
    pom = (PROJECT / 'pom.xml').read_text()
    version = re.search(r'<camunda.version>([^<]+)</camunda.version>', pom).group(1)
    return (pathlib.Path.home() / '.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar' / version
            / f'camunda-webapp-webjar-{version}.jar')


def main():
    webjar = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default_webjar()
    translations = json.loads((HERE / 'webapps-nl.json').read_text(encoding='utf-8'))
    missing, broken = set(), []
    with zipfile.ZipFile(webjar) as jar:
        for app in APPS:
            english = json.loads(jar.read(f'{WEBJAR_APP}{app}/locales/en.json').decode('utf-8-sig'))
            labels = {}
            for key, text in english['labels'].items():
                if text not in translations:
                    missing.add(text)
                    continue
                dutch = translations[text]
                if key not in DELIBERATELY_EMPTY and sorted(TOKENS.findall(text)) != sorted(TOKENS.findall(dutch)):
                    broken.append(f'{app} {key}: {text!r} -> {dutch!r}')
                labels[key] = dutch
            locale = {'labels': labels}
            if 'dateLocales' in english:
                locale = {'dateLocales': DATE_LOCALE, 'labels': labels}
            out = TARGET / app / 'locales/nl.json'
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(locale, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
            print(f'{out.relative_to(PROJECT)}: {len(labels)} of {len(english["labels"])} keys')
    for text in sorted(missing):
        print('NO TRANSLATION:', json.dumps(text, ensure_ascii=False))
    for line in broken:
        print('PLACEHOLDER OR HTML CHANGED:', line)
    return 1 if missing or broken else 0


if __name__ == '__main__':
    sys.exit(main())
