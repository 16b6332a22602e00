// Optional: switches the theme without a reload. Without JavaScript the toggle is a plain form
// sent to /theme, which sets the same cookie and redirects back; the server stays the only
// writer of the cookie, so its attributes are defined in one place (ThemeEndpoints.cs).
(function () {
  "use strict";
  var form = document.querySelector("form.theme-toggle");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || button.name !== "set" || form.dataset.plain) {
      return;
    }

    event.preventDefault();
    var data = new FormData(form);
    data.set("set", button.value);
    fetch(form.action + "?" + new URLSearchParams(data), { redirect: "manual", credentials: "same-origin" })
      .then(function () {
        document.documentElement.setAttribute("data-theme", button.value);

        form.querySelectorAll("button[name=set]").forEach(function (b) {
          b.setAttribute("aria-pressed", b === button ? "true" : "false");
        });
      })
      .catch(function () {
        // The request failed: send the plain form instead, which reloads the page.
        form.dataset.plain = "1";
        form.requestSubmit(button);
      });
  });
})();
