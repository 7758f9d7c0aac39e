// Drag and drop onto the upload form: a progressive enhancement only; the form works without it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form.nop-tep");
    Array.prototype.forEach.call(forms, function (form) {
      var input = form.querySelector("input[type=file]");
      if (!input) { return; }
      form.classList.add("keo-tha");
      form.addEventListener("dragover", function (event) {
        event.preventDefault();
        form.classList.add("dang-keo");
      });
      form.addEventListener("dragleave", function () { form.classList.remove("dang-keo"); });
      form.addEventListener("drop", function (event) {
        event.preventDefault();
        form.classList.remove("dang-keo");
        if (event.dataTransfer && event.dataTransfer.files.length > 0) {
          input.files = event.dataTransfer.files;
        }
      });
    });
  });
})();
