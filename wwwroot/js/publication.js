// Copy buttons for BibTeX blocks. Progressive enhancement: the buttons are hidden in the HTML
// and shown only here, when the Clipboard API is available; without script the <pre> text can
// still be selected and the .bib downloaded.
(() => {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }

  for (const button of document.querySelectorAll("button[data-copy-target]")) {
    const target = document.getElementById(button.dataset.copyTarget);
    if (!target) {
      continue;
    }

    const status = button.parentElement.querySelector(".copy-status");
    const label = button.textContent;
    // The page's language: the server writes these messages on the button.
    const copied = button.dataset.copied || "Copied";
    const failed = button.dataset.failed || "Could not copy; select the text instead";
    const copiedStatus = button.dataset.copiedStatus || copied;
    let timer = 0;
    button.hidden = false;
    button.addEventListener("click", async () => {
      let message;
      try {
        await navigator.clipboard.writeText(target.textContent);
        message = copied;
      } catch {
        message = failed;
      }

      button.textContent = message;
      if (status) {
        status.textContent = message === copied ? copiedStatus : message;
      }

      clearTimeout(timer);
      timer = setTimeout(() => {
        button.textContent = label;
        if (status) {
          status.textContent = "";
        }
      }, 2000);
    });
  }
})();
