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
  // The grade sheet's running total: bags and gross kg add up as they are typed.
  // Without a script the "check the totals" button gives the same from the server.
  document.querySelectorAll("form[data-running-total]").forEach(function (form) {
    var out = form.querySelector("[data-running-total-output]");
    if (!out) return;
    var template = out.getAttribute("data-template") || "";
    // The same grouping as the server's formatNumber (~/utils/format).
    var group = out.getAttribute("data-group") || ",";
    function sum(field) {
      var total = 0;
      form.querySelectorAll("input[name$='." + field + "']").forEach(function (input) {
        if (!/^lot\.\d+\./.test(input.name)) return;
        var n = parseInt(String(input.value).replace(/[\s,.]/g, ""), 10);
        if (n > 0) total += n;
      });
      return total;
    }
    function show() {
      var format = function (n) {
        return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group);
      };
      out.textContent = template.replace("{{bags}}", format(sum("bags"))).replace("{{gross}}", format(sum("grossKg")));
      out.hidden = false;
    }
    form.addEventListener("input", show);
  });
})();
