// Sends the CSRF token with every htmx request, opens the menu on small screens, goes back, asks before
// destructive actions, keeps the query when switching language, copies API tokens, ticks a list at once,
// submits a filter on change, counts a ballot's answers and shows an audit entry's before/after state as a
// readable table. Every page script lives in files like this one: the Content-Security-Policy runs no inline
// script or on* attribute, so a template says what it wants with data-renda-* attributes.
document.addEventListener("htmx:configRequest", function (e) {
  var token = document.querySelector("meta[name=_csrf]");
  var header = document.querySelector("meta[name=_csrf_header]");
  if (token && header) { e.detail.headers[header.content] = token.content; }
});

document.addEventListener("click", function (e) {
  // one menu group open at a time; a click anywhere else closes it
  var group = e.target.closest("details[data-renda-menu]");
  document.querySelectorAll("details[data-renda-menu][open]").forEach(function (d) { if (d !== group) { d.open = false; } });
  var t = e.target.closest("[data-renda-toggle]");
  if (t) {
    var menu = document.querySelector(t.getAttribute("data-renda-toggle"));
    var open = menu.classList.toggle("show");
    t.setAttribute("aria-expanded", open ? "true" : "false");
  }
  var lang = e.target.closest("a[data-lang]");
  if (lang && window.URLSearchParams) {
    var params = new URLSearchParams(window.location.search);
    params.set("lang", lang.getAttribute("data-lang"));
    lang.href = window.location.pathname + "?" + params.toString();
  }
  if (e.target.closest("[data-renda-back]")) { e.preventDefault(); window.history.back(); }
  var all = e.target.closest("[data-renda-check-all]");
  if (all) {
    document.querySelectorAll(all.getAttribute("data-renda-check-all")).forEach(function (c) { c.checked = true; });
  }
  var copy = e.target.closest("[data-renda-copy]");
  if (copy && navigator.clipboard) {
    var source = document.querySelector(copy.getAttribute("data-renda-copy"));
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var done = copy.getAttribute("data-copied");
      if (done) { copy.textContent = done; }
    });
  }
});

document.addEventListener("keydown", function (e) {
  if (e.key === "Escape") {
    document.querySelectorAll("details[data-renda-menu][open]").forEach(function (d) { d.open = false; d.querySelector("summary").focus(); });
  }
});

// A filter select with data-renda-autosubmit sends its form as soon as it changes.
document.addEventListener("change", function (e) {
  if (e.target.matches && e.target.matches("[data-renda-autosubmit]") && e.target.form) {
    var form = e.target.form;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }
});

// "3 / 27 answered": an element with data-renda-progress (the form) and data-total counts the questions of the
// form with a checked radio button, the first number of its text replaced as answers come in.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-renda-progress]").forEach(function (bar) {
    var form = document.querySelector(bar.getAttribute("data-renda-progress"));
    if (!form) { return; }
    var total = parseInt(bar.getAttribute("data-total"), 10);
    var template = bar.textContent.replace(/\d+\s*\/\s*\d+/, "{n} / " + total);
    function update() {
      var names = {};
      form.querySelectorAll("input[type=radio]:checked").forEach(function (r) { names[r.name] = true; });
      bar.textContent = template.replace("{n}", Object.keys(names).length);
    }
    form.addEventListener("change", update);
    update();
  });
});

// Rows a form repeats (the matters of a reception): a button with data-renda-add-row="#rows" copies the row of
// its data-renda-template into that container, a button with data-renda-remove-row removes its row; the rows are
// then numbered again (items[0], items[1], ...) so the server sees an unbroken list.
(function () {
  function renumber(container) {
    container.querySelectorAll("[data-renda-row]").forEach(function (row, k) {
      row.querySelectorAll("[name],[id],[for]").forEach(function (el) {
        ["name", "id", "for"].forEach(function (attr) {
          var v = el.getAttribute(attr);
          if (!v) { return; }
          v = v.replace(/\[\d+\]/, "[" + k + "]").replace(/-\d+(-error)?$/, function (m, err) { return "-" + k + (err || ""); });
          el.setAttribute(attr, v);
        });
      });
    });
  }
  document.addEventListener("click", function (e) {
    var add = e.target.closest("[data-renda-add-row]");
    if (add) {
      var container = document.querySelector(add.getAttribute("data-renda-add-row"));
      var template = document.querySelector(add.getAttribute("data-renda-template"));
      if (!container || !template) { return; }
      container.appendChild(template.content.cloneNode(true));
      renumber(container);
      var rows = container.querySelectorAll("[data-renda-row]");
      var first = rows[rows.length - 1].querySelector("textarea, input:not([type=hidden]), select");
      if (first) { first.focus(); }
      return;
    }
    var remove = e.target.closest("[data-renda-remove-row]");
    if (remove) {
      var row = remove.closest("[data-renda-row]");
      var rowsOf = row && row.closest("[data-renda-rows]");
      if (row) { row.remove(); }
      if (rowsOf) { renumber(rowsOf); }
    }
  });
})();

// A form with data-renda-confirm asks first; the question comes from the page, in the page's language. On a
// submit button it asks only when that button sends the form (a sheet's "submit" asks, its "save draft" does not).
document.addEventListener("submit", function (e) {
  var button = e.submitter;
  var question = (button && button.getAttribute("data-renda-confirm")) || e.target.getAttribute("data-renda-confirm");
  if (question && !window.confirm(question)) { e.preventDefault(); }
});

// A running total: an element with data-renda-sum="#form" shows the sum of the form's [data-renda-points] inputs
// as they are typed (a scoring sheet's 合计); blank or invalid entries count nothing.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-renda-sum]").forEach(function (out) {
    var form = document.querySelector(out.getAttribute("data-renda-sum"));
    if (!form) { return; }
    function update() {
      var cents = 0;
      form.querySelectorAll("[data-renda-points]").forEach(function (input) {
        var v = parseFloat(input.value);
        if (!isNaN(v)) { cents += Math.round(v * 100); }
      });
      out.textContent = String(cents / 100);
    }
    form.addEventListener("input", update);
    update();
  });
});

(function () {
  function labels() {
    var map = {};
    var holder = document.getElementById("audit-labels");
    if (!holder) { return null; }
    holder.querySelectorAll("[data-k]").forEach(function (el) { map[el.getAttribute("data-k")] = el.textContent; });
    return map;
  }

  function parse(text) {
    if (!text) { return null; }
    try { var v = JSON.parse(text); return v && typeof v === "object" && !Array.isArray(v) ? v : null; } catch (ignored) { return null; }
  }

  var LINKS = { orgId: "/orgs/", parentId: "/orgs/", userId: "/users/" };
  // Bookkeeping columns that mean nothing to a clerk; the raw record below still has them.
  var HIDDEN = { id: true, path: true, depth: true, version: true };

  function render(key, value, words) {
    var cell = document.createDocumentFragment();
    if (value === null || value === undefined || value === "") {
      var none = document.createElement("span");
      none.className = "none";
      none.textContent = "—";
      cell.appendChild(none);
    } else if (typeof value === "boolean") {
      cell.appendChild(document.createTextNode(words[value ? "yes" : "no"] || String(value)));
    } else if (LINKS[key] && (typeof value === "number" || /^\d+$/.test(value))) {
      var a = document.createElement("a");
      a.href = LINKS[key] + value;
      a.textContent = "#" + value;
      cell.appendChild(a);
    } else if (Array.isArray(value)) {
      value.forEach(function (item, i) {
        if (i > 0) { cell.appendChild(document.createElement("br")); }
        if (item && typeof item === "object") {
          var keys = Object.keys(item);
          keys.forEach(function (k, j) {
            if (j > 0) { cell.appendChild(document.createTextNode(" · ")); }
            cell.appendChild(render(k, item[k], words));
          });
        } else {
          cell.appendChild(render(key, item, words));
        }
      });
    } else if (typeof value === "object") {
      cell.appendChild(document.createTextNode(JSON.stringify(value)));
    } else {
      var text = String(value);
      var word = words["role." + text] || words["orgType." + text] || words["value." + text];
      cell.appendChild(document.createTextNode(word || text));
    }
    return cell;
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function enhance(root) {
    var words = labels();
    if (!words) { return; }
    (root || document).querySelectorAll(".audit-change[data-before], .audit-change[data-after]").forEach(function (box) {
      if (box.getAttribute("data-rendered")) { return; }
      var beforeText = box.getAttribute("data-before");
      var afterText = box.getAttribute("data-after");
      var before = parse(beforeText), after = parse(afterText);
      if ((beforeText && !before) || (afterText && !after)) { return; }
      var both = before && after;
      var keys = [];
      [before, after].forEach(function (o) {
        if (o) { Object.keys(o).forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } }); }
      });
      var table = document.createElement("table");
      table.className = "audit-diff";
      if (both) {
        var head = table.createTHead().insertRow();
        ["", words.before, words.after].forEach(function (t) {
          var th = document.createElement("th");
          th.textContent = t || "";
          head.appendChild(th);
        });
      }
      var body = table.createTBody();
      keys.filter(function (k) { return !HIDDEN[k]; }).forEach(function (k) {
        var row = body.insertRow();
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = words["field." + k] || k;
        row.appendChild(th);
        if (both) {
          var b = row.insertCell();
          b.appendChild(render(k, before[k], words));
          var a = row.insertCell();
          a.className = "after";
          a.appendChild(render(k, after[k], words));
          if (!same(before[k], after[k])) { row.className = "changed"; }
        } else {
          var only = row.insertCell();
          only.appendChild(render(k, (after || before)[k], words));
        }
      });
      var raw = box.querySelector(".audit-raw");
      box.insertBefore(table, raw);
      if (raw) {
        var more = document.createElement("details");
        more.className = "audit-raw-toggle";
        var summary = document.createElement("summary");
        summary.textContent = words.raw || "JSON";
        more.appendChild(summary);
        box.insertBefore(more, raw);
        more.appendChild(raw);
      }
      box.setAttribute("data-rendered", "true");
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSwap", function (e) { enhance(e.target); });
})();

// --- casework (issue 12): a search box over a long list of choices ---
// <input data-renda-filter="#list"> hides the options (of a select) or [data-renda-filter-item] elements (of a
// checkbox list) under #list whose text does not contain what was typed; a group (optgroup or
// [data-renda-filter-group]) with nothing left to show is hidden too. A selected or ticked choice always stays.
(function () {
  function matches(el, q) {
    return !q || el.textContent.toLowerCase().indexOf(q) >= 0
      || (el.selected === true) || !!(el.querySelector && el.querySelector("input:checked"));
  }
  function filter(input) {
    var list = document.querySelector(input.getAttribute("data-renda-filter"));
    if (!list) { return; }
    var q = input.value.trim().toLowerCase();
    var items = list.tagName === "SELECT" ? list.querySelectorAll("option") : list.querySelectorAll("[data-renda-filter-item]");
    items.forEach(function (el) {
      var show = matches(el, q);
      el.hidden = !show;
      if (el.tagName === "OPTION") { el.disabled = !show && !el.selected; }
    });
    list.querySelectorAll("optgroup, [data-renda-filter-group]").forEach(function (g) {
      var any = Array.prototype.some.call(g.tagName === "OPTGROUP" ? g.querySelectorAll("option")
        : g.querySelectorAll("[data-renda-filter-item]"), function (el) { return !el.hidden; });
      g.hidden = !any;
    });
  }
  document.addEventListener("input", function (e) {
    if (e.target.matches && e.target.matches("[data-renda-filter]")) { filter(e.target); }
  });
})();
