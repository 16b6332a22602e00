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
    let timer = 0;
    button.hidden = false;
    button.addEventListener("click", async () => {
      let message;
      try {
        await navigator.clipboard.writeText(target.textContent);
        message = "Copied";
      } catch {
        message = "Could not copy; select the text instead";
      }

      button.textContent = message;
      if (status) {
        status.textContent = message === "Copied" ? "BibTeX copied to the clipboard" : message;
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
