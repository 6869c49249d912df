// A link from Cockpit's header to Spoorwijzer's overview (/overzicht), for management and the administrator (the
// overview's API refuses everyone else). Loaded through config.js (customScripts); Cockpit draws each plugin of the
// point 'cockpit.navigation' with a priority of 0 or more in its header menu, the highest first (7.24 plugin API: render(node)).
import { navigationLink } from '../../../spoorwijzer-navigatie.js';

export default [
  {
    id: 'spoorwijzer-overzicht',
    pluginPoint: 'cockpit.navigation',
    priority: 1000,
    checkActive: () => false,
    render: node => navigationLink(node, '/overzicht', 'Overzicht', 'Overzicht van zaken, termijnen en risico\'s',
      ['werkgever', 'management', 'camunda-admin'])
  },
  {
    // issue 28: the procesbeheerder's page (model versions, running cases per version, migration)
    id: 'spoorwijzer-procesbeheer',
    pluginPoint: 'cockpit.navigation',
    priority: 999,
    checkActive: () => false,
    render: node => navigationLink(node, '/procesbeheer', 'Procesbeheer',
      'Modelversies, lopende zaken per versie en zaken overzetten', ['procesbeheerder', 'camunda-admin'])
  }
];
