// Links from Tasklist's header to Spoorwijzer's own screens: "Zaken" (the case screen, for everyone) and "Overzicht"
// (the overview, for those who may see it: werkgever, management, administrator). Loaded through config.js
// (customScripts); Tasklist draws each plugin of the point 'tasklist.navbar.action' in its header (7.24 plugin API:
// render(node) gets an empty element of its own).
import { navigationLink } from '../../../spoorwijzer-navigatie.js';

export default [
  {
    id: 'spoorwijzer-zaken',
    pluginPoint: 'tasklist.navbar.action',
    priority: 300,
    render: node => navigationLink(node, '/zaken', 'Zaken', 'Uw verzuimzaken (zaakscherm)', null)
  },
  {
    id: 'spoorwijzer-overzicht',
    pluginPoint: 'tasklist.navbar.action',
    priority: 290,
    render: node => navigationLink(node, '/overzicht', 'Overzicht', 'Overzicht van zaken, termijnen en risico\'s',
      ['werkgever', 'management', 'camunda-admin'])
  }
];
