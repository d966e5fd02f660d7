// The public opinion form and receipt: hides the contact fields when anonymous, lists and checks the chosen
// photos, reduces large photos before uploading (a rural phone's 5 MB picture becomes ~300 KB), stops a
// second tap while sending, and copies the receipt code (also where the clipboard API is missing).
(function () {
  var MAX_EDGE = 1600, SHRINK_ABOVE = 1024 * 1024;

  function setup() {
    var form = document.getElementById("opinion-form");
    if (form) { opinionForm(form); }
    var copy = document.querySelector("[data-case-copy]");
    if (copy) { copyButton(copy); }
  }

  function opinionForm(form) {
    var anon = document.getElementById("op-anonymous");
    var box = form.querySelector(".contact-box");
    function syncAnon() {
      box.classList.toggle("anonymous", anon.checked);
      ["op-name", "op-phone"].forEach(function (id) { document.getElementById(id).disabled = anon.checked; });
    }
    anon.addEventListener("change", syncAnon);
    syncAnon();

    var inputs = form.querySelectorAll("input[type=file][name=files]");
    var names = document.getElementById("op-photo-names");
    var max = parseInt(form.getAttribute("data-max-files"), 10) || 6;
    function files() {
      var all = [];
      inputs.forEach(function (i) { for (var k = 0; k < i.files.length; k++) { all.push(i.files[k]); } });
      return all;
    }
    function list() {
      names.textContent = "";
      files().forEach(function (f) {
        var li = document.createElement("li");
        li.textContent = "• " + f.name;
        names.appendChild(li);
      });
      var tooMany = files().length > max;
      if (tooMany) {
        var li = document.createElement("li");
        li.className = "text-danger";
        li.textContent = form.getAttribute("data-too-many");
        names.appendChild(li);
      }
      return !tooMany;
    }
    inputs.forEach(function (i) { i.addEventListener("change", list); });

    var sending = false;
    form.addEventListener("submit", function (e) {
      if (sending) { e.preventDefault(); return; }
      if (!list()) { e.preventDefault(); return; }
      var button = document.getElementById("op-submit");
      var big = files().some(function (f) { return f.size > SHRINK_ABOVE && /^image\/(jpeg|png|webp)$/.test(f.type); });
      sending = true;
      button.disabled = true;
      button.textContent = form.getAttribute("data-submitting");
      if (!big || !window.DataTransfer || !window.createImageBitmap || !HTMLCanvasElement.prototype.toBlob) { return; }
      e.preventDefault();
      Promise.all(Array.prototype.map.call(inputs, shrinkInput)).then(function () { form.submit(); },
        function () { form.submit(); });
    });
  }

  function shrinkInput(input) {
    return Promise.all(Array.prototype.map.call(input.files, shrink)).then(function (out) {
      var dt = new DataTransfer();
      out.forEach(function (f) { dt.items.add(f); });
      input.files = dt.files;
    });
  }

  function shrink(file) {
    if (file.size <= SHRINK_ABOVE || !/^image\/(jpeg|png|webp)$/.test(file.type)) { return Promise.resolve(file); }
    return createImageBitmap(file).then(function (img) {
      var scale = Math.min(1, MAX_EDGE / Math.max(img.width, img.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(img.width * scale);
      canvas.height = Math.round(img.height * scale);
      canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob && blob.size < file.size
            ? new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" }) : file);
        }, "image/jpeg", 0.85);
      });
    }).catch(function () { return file; });
  }

  function copyButton(button) {
    button.addEventListener("click", function () {
      var text = document.querySelector(button.getAttribute("data-case-copy")).textContent.trim();
      var done = function () { button.textContent = button.getAttribute("data-copied"); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { legacy(text) && done(); });
      } else if (legacy(text)) {
        done();
      }
    });
  }

  function legacy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (ignored) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
