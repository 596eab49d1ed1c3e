// Pforte: passkeys (WebAuthn). Adds a passkey on the account page and signs in with
// one on the login page. The server hands out the options (with a challenge it keeps)
// and checks the answer; this file only converts between JSON and the binary fields
// the browser's API wants. Loaded as an external script (the CSP forbids inline ones).
(() => {
  "use strict";

  const supported = window.isSecureContext && "PublicKeyCredential" in window && !!navigator.credentials;

  const enc = (buf) => {
    let s = "";
    for (const b of new Uint8Array(buf)) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  const dec = (str) => {
    const s = atob(str.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((str.length + 3) % 4));
    return Uint8Array.from(s, (c) => c.charCodeAt(0)).buffer;
  };

  // post sends JSON and returns the answer; a message the server gave becomes an Error
  // whose text is shown as it is.
  const post = async (url, body) => {
    const res = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body || {}),
    });
    let data = null;
    try { data = await res.json(); } catch (_) { /* not JSON: e.g. a 404 page */ }
    if (!res.ok || !data) {
      const err = new Error((data && data.error) || "");
      err.fromServer = true;
      throw err;
    }
    return data;
  };

  // credentialJSON turns a PublicKeyCredential into the JSON the server parses.
  const credentialJSON = (cred) => {
    const r = cred.response;
    const out = {
      id: cred.id, rawId: enc(cred.rawId), type: cred.type,
      authenticatorAttachment: cred.authenticatorAttachment || undefined,
      clientExtensionResults: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {},
      response: { clientDataJSON: enc(r.clientDataJSON) },
    };
    if (r.attestationObject) {
      out.response.attestationObject = enc(r.attestationObject);
      out.response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      out.response.authenticatorData = enc(r.authenticatorData);
      out.response.signature = enc(r.signature);
      if (r.userHandle) out.response.userHandle = enc(r.userHandle);
    }
    return out;
  };

  // run disables the button while a ceremony runs and shows what went wrong next to it.
  const run = async (box, button, fn) => {
    const out = box.querySelector("[data-passkey-error]");
    button.disabled = true;
    if (out) out.textContent = "";
    try {
      await fn();
    } catch (e) {
      // The browser's own errors (cancelled, timed out, no passkey) get one plain message.
      if (out) out.textContent = (e && e.fromServer && e.message) || box.dataset.msgFailed || "";
      button.disabled = false;
    }
  };

  const register = async (name) => {
    const opts = await post("/account/passkeys/begin");
    const pk = opts.publicKey;
    pk.challenge = dec(pk.challenge);
    pk.user.id = dec(pk.user.id);
    for (const c of pk.excludeCredentials || []) c.id = dec(c.id);
    const cred = await navigator.credentials.create({ publicKey: pk });
    const done = await post("/account/passkeys", { name: name, credential: credentialJSON(cred) });
    window.location.assign(done.redirect);
  };

  const signIn = async () => {
    const opts = await post("/login/passkey/begin");
    const pk = opts.publicKey;
    pk.challenge = dec(pk.challenge);
    for (const c of pk.allowCredentials || []) c.id = dec(c.id);
    const cred = await navigator.credentials.get({ publicKey: pk });
    const next = document.querySelector('form[action="/login"] input[name="next"]');
    const url = "/login/passkey" + (next && next.value ? "?next=" + encodeURIComponent(next.value) : "");
    const done = await post(url, credentialJSON(cred));
    window.location.assign(done.redirect);
  };

  const init = () => {
    const section = document.getElementById("passkeys");
    const add = document.querySelector("form[data-passkey-add]");
    if (section && add && supported) {
      add.hidden = false;
      const note = section.querySelector("[data-passkey-unsupported]");
      if (note) note.hidden = true;
      add.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const button = add.querySelector("button[type=submit]");
        run(section, button, () => register(add.elements.name.value));
      });
    }
    const login = document.querySelector("[data-passkey-login]");
    if (login && supported) {
      login.hidden = false;
      const button = login.querySelector("[data-passkey-signin]");
      button.addEventListener("click", () => run(login, button, signIn));
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
