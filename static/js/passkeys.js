// Passkeys (WebAuthn), progressively enhanced: the login's "Log in with a passkey" and the
// workspace's "Add a passkey" are shown only where the browser can use passkeys; elsewhere
// the page says so (data-passkey-unsupported). The server's side is workspace/passkeys.py.
(function () {
  "use strict";

  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) { base64 += "="; }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes.buffer;
  }

  function toText(buffer) {
    if (!buffer) { return null; }
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (item) {
      return { type: item.type, id: toBytes(item.id), transports: item.transports };
    });
  }

  function credentialJSON(credential) {
    var response = credential.response;
    var json = {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toText(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      json.response.attestationObject = toText(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = toText(response.authenticatorData);
      json.response.signature = toText(response.signature);
      json.response.userHandle = toText(response.userHandle);
    }
    return json;
  }

  function detail(response) {
    // A JSON {"detail": ...} from our views, or null (say, the login's lock-out page).
    var type = response.headers.get("Content-Type") || "";
    if (type.indexOf("application/json") !== 0) { return Promise.resolve(null); }
    return response.json().then(function (data) { return data.detail || null; });
  }

  function csrfToken(form) {
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function logIn(box) {
    var form = box.closest("form");
    var status = box.querySelector("[data-passkey-status]");
    var button = box.querySelector("[data-passkey-button]");
    button.addEventListener("click", function () {
      if (!form.elements.username.value || !form.elements.password.value) {
        status.textContent = box.getAttribute("data-missing");
        return;
      }
      status.textContent = box.getAttribute("data-working");
      button.disabled = true;
      fetch(box.getAttribute("data-begin-url"), {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      }).then(function (response) {
        if (response.ok) { return response.json(); }
        return detail(response).then(function (message) {
          if (message === null) { form.submit(); }  // let the login page say what happened
          throw new Error(message || "");
        });
      }).then(function (options) {
        options.challenge = toBytes(options.challenge);
        options.allowCredentials = descriptors(options.allowCredentials);
        return navigator.credentials.get({ publicKey: options }).then(function (credential) {
          form.elements.passkey.value = JSON.stringify(credentialJSON(credential));
          form.elements.otp_token.value = "";
          form.submit();
        }, function () {
          throw new Error(box.getAttribute("data-failed"));
        });
      }).catch(function (error) {
        status.textContent = error.message;
        button.disabled = false;
      });
    });
  }

  function register(form) {
    var status = form.querySelector("[data-passkey-status]");
    var button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      status.textContent = form.getAttribute("data-working");
      button.disabled = true;
      var headers = { Accept: "application/json", "X-CSRFToken": csrfToken(form) };
      fetch(form.getAttribute("data-begin-url"), {
        method: "POST", credentials: "same-origin", headers: headers
      }).then(function (response) {
        if (!response.ok) {
          return detail(response).then(function (message) { throw new Error(message || ""); });
        }
        return response.json();
      }).then(function (options) {
        options.challenge = toBytes(options.challenge);
        options.user.id = toBytes(options.user.id);
        options.excludeCredentials = descriptors(options.excludeCredentials);
        return navigator.credentials.create({ publicKey: options }).catch(function () {
          throw new Error(form.getAttribute("data-failed"));
        });
      }).then(function (credential) {
        headers["Content-Type"] = "application/json";
        return fetch(form.getAttribute("data-complete-url"), {
          method: "POST",
          credentials: "same-origin",
          headers: headers,
          body: JSON.stringify({
            name: form.elements.name.value,
            credential: credentialJSON(credential)
          })
        });
      }).then(function (response) {
        if (!response.ok) {
          return detail(response).then(function (message) { throw new Error(message || ""); });
        }
        window.location.reload();
      }).catch(function (error) {
        status.textContent = error.message || form.getAttribute("data-failed");
        button.disabled = false;
      });
    });
  }

  var supported = !!(window.PublicKeyCredential && navigator.credentials && window.fetch);
  var logins = document.querySelectorAll("[data-passkey-login]");
  var registrations = document.querySelectorAll("[data-passkey-register]");
  if (!supported) {
    if (logins.length || registrations.length) {
      document.querySelectorAll("[data-passkey-unsupported]").forEach(function (note) {
        note.hidden = false;
      });
    }
    return;
  }
  logins.forEach(function (box) { box.hidden = false; logIn(box); });
  registrations.forEach(function (form) { form.hidden = false; register(form); });
})();
