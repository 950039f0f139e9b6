// The pages' only script: small conveniences on top of pages that work fully
// without it (the server renders everything; React is not shipped to phones).
// Plain ES2017 so that it runs on old phones as it is, without a bundle.
(function () {
  "use strict";
  // Print buttons stay hidden without a script; the browser's own menu prints then.
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
