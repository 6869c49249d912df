// Signing out through the organisation's identity provider (profile oidc, system/SignOut): the webapps' own logout is
// a background request, which the platform answers with the provider's end-session address ({"endSessionUrl": ...})
// after ending the session; the browser is taken there, so the provider's session ends too and its sign-in page comes
// back. With Camunda's login form (the embedded default) the answer has no such address and nothing changes.
const WEBAPPS_LOGOUT = /\/api\/admin\/auth\/user\/[^/]+\/logout$/;

if (!XMLHttpRequest.prototype.spoorwijzerSignOut) {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.spoorwijzerSignOut = true;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(method).toUpperCase() === 'POST' && WEBAPPS_LOGOUT.test(String(url).split('?')[0])) {
      this.addEventListener('load', () => {
        let endSessionUrl = null;
        try {
          endSessionUrl = JSON.parse(this.responseText).endSessionUrl;
        } catch (notJson) {
          endSessionUrl = null;
        }
        if (typeof endSessionUrl === 'string' && /^https?:\/\//.test(endSessionUrl)) {
          window.location.assign(endSessionUrl);
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

export default [];
