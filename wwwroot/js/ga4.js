// Google Analytics 4, loaded only when site.yaml opts in (analytics: provider: ga4).
// Google's snippet is inline code; this file does the same from the web root so the page keeps a
// script-src without 'unsafe-inline'. The measurement id comes from this script tag's data-measurement-id.
(function () {
  "use strict";
  var me = document.currentScript;
  var id = me && me.getAttribute("data-measurement-id");
  if (!id || !/^G-[A-Z0-9]{4,20}$/.test(id)) {
    return;
  }

  window.dataLayer = window.dataLayer || [];
  function gtag() {
    window.dataLayer.push(arguments);
  }
  window.gtag = window.gtag || gtag;
  gtag("js", new Date());
  gtag("config", id);

  var loader = document.createElement("script");
  loader.async = true;
  loader.src = "https://www.googletagmanager.com/gtag/js?id=" + encodeURIComponent(id);
  document.head.appendChild(loader);
})();
