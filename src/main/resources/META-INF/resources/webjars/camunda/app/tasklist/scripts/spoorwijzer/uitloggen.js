// Signing out at the identity provider as well (profile oidc); see ../../../spoorwijzer-uitloggen.js.
export { default } from '../../../spoorwijzer-uitloggen.js';
