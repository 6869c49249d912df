// Shared by the Tasklist and Cockpit header links (scripts/spoorwijzer/navigatie.js of each app): one link to a screen
// of Spoorwijzer's own, shown only when the logged-in user is in one of the groups (null: everyone). The groups come
// from /api/me with the webapps' own login session; the header is drawn anew at every login.
export function navigationLink(node, href, text, title, groups) {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = text;
  link.title = title;
  link.className = 'spoorwijzer-link';
  node.classList.add('spoorwijzer-nav');
  if (!groups) {
    node.appendChild(link);
    return;
  }
  fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : { groups: [] }))
    .catch(() => ({ groups: [] }))
    .then(user => {
      if ((user.groups || []).some(group => groups.includes(group))) {
        node.appendChild(link);
      }
      node.setAttribute('data-shown-for', user.userId || ''); // decided (read by the browser tests)
    });
}
