// Sends the CSRF token with every htmx request, and opens the menu on small screens.
document.addEventListener("htmx:configRequest", function (e) {
  var token = document.querySelector("meta[name=_csrf]");
  var header = document.querySelector("meta[name=_csrf_header]");
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
document.addEventListener("click", function (e) {
  var t = e.target.closest("[data-renda-toggle]");
  if (t) { document.querySelector(t.getAttribute("data-renda-toggle")).classList.toggle("show"); }
});
