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
  // Running totals: the grade sheet's bags and gross kg, the listing's pledged
  // kg, added up as they are typed. Each output names in data-sums which inputs
  // each figure adds up (a pattern on their names). Without a script the server
  // gives the same total when the form is sent ("check the totals", or the
  // listing form shown again), and the server's figure is the one that counts.
  document.querySelectorAll("form[data-running-total]").forEach(function (form) {
    var out = form.querySelector("[data-running-total-output]");
    if (!out) return;
    var template = out.getAttribute("data-template") || "";
    var sums;
    try {
      sums = JSON.parse(out.getAttribute("data-sums") || "{}");
    } catch (e) {
      return;
    }
    // The same grouping as the server's formatNumber (~/utils/format).
    var group = out.getAttribute("data-group") || ",";
    function sum(pattern) {
      var names = new RegExp(pattern);
      var total = 0;
      form.querySelectorAll("input[name]").forEach(function (input) {
        if (!names.test(input.name)) return;
        var n = parseInt(String(input.value).replace(/[\s,.]/g, ""), 10);
        if (n > 0) total += n;
      });
      return total;
    }
    function format(n) {
      return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group);
    }
    function show() {
      var text = template;
      Object.keys(sums).forEach(function (key) {
        text = text.replace("{{" + key + "}}", format(sum(sums[key])));
      });
      out.textContent = text;
      out.hidden = false;
    }
    // Only what is added up: choosing a crop or a date changes no total.
    var patterns = Object.keys(sums).map(function (key) {
      return new RegExp(sums[key]);
    });
    form.addEventListener("input", function (event) {
      var name = event.target && event.target.name;
      if (
        name &&
        patterns.some(function (p) {
          return p.test(name);
        })
      )
        show();
    });
  });
  // A select that follows another (the grade follows the crop): it shows only
  // the chosen crop's group of options, and forgets a grade of another crop
  // when the crop changes. Without a script every grade stays, grouped under
  // its crop, and the server refuses a grade of another crop.
  document.querySelectorAll("select[data-follows]").forEach(function (select) {
    var leader = select.form && select.form.elements.namedItem(select.getAttribute("data-follows"));
    if (!leader || leader.tagName !== "SELECT") return;
    var groups = Array.prototype.slice.call(select.querySelectorAll("optgroup[data-group]"));
    function groupOf(value) {
      for (var i = 0; i < groups.length; i++) {
        var options = groups[i].querySelectorAll("option");
        for (var j = 0; j < options.length; j++) if (options[j].value === value) return groups[i];
      }
      return null;
    }
    function show() {
      var kept = select.value;
      var chosen = leader.value;
      groups.forEach(function (group) {
        if (group.parentNode) select.removeChild(group);
      });
      groups.forEach(function (group) {
        if (!chosen || group.getAttribute("data-group") === chosen) select.appendChild(group);
      });
      var own = groupOf(kept);
      select.value = own && own.parentNode ? kept : "";
    }
    leader.addEventListener("change", show);
    // A grade chosen before the crop names the crop.
    select.addEventListener("change", function () {
      var own = groupOf(select.value);
      if (own && !leader.value) {
        leader.value = own.getAttribute("data-group");
        show();
      }
    });
    show();
  });
})();
