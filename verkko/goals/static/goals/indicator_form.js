// The indicator form shows only the fields the chosen kind uses, as soon as the kind changes. Without
// JavaScript the page already shows the fields of the kind chosen in the first step, and the server
// ignores the fields of the other kinds.
(function () {
  "use strict";
  var form = document.querySelector("form[data-indicator-form]");
  if (!form) {
    return;
  }
  function showFieldsOfKind() {
    var chosen = form.querySelector('input[name="kind"]:checked');
    if (!chosen) {
      return;
    }
    form.querySelectorAll("[data-kinds]").forEach(function (group) {
      group.hidden = group.getAttribute("data-kinds").split(" ").indexOf(chosen.value) === -1;
    });
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "kind") {
      showFieldsOfKind();
    }
  });
  showFieldsOfKind();
})();
