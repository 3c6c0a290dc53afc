"""The report's only script: sort a table by a column, filter its rows.
Inline (nothing fetched) and admitted by the page's Content-Security-Policy
by its SHA-256 hash, so no other script, inline or injected, can run. It
works on every ``table.sortable``: a click on a column head sorts by it
(numbers by the value in ``data-sort``, else by text), and the search field
before the table hides the rows without the words typed. Opened as
``index.html?print`` (``planner report --pdf``) it drops the links to the
files beside the page, which a PDF would hold as absolute file paths, and
leaves the rows of a long table the PDF does not print in their inert
``<template>`` (Chromium then neither styles nor lays them out: the national
report printed in a fifth of the time); on screen it puts them in their
table.
"""

# The script reads best with its lines whole.
# ruff: noqa: E501

from __future__ import annotations

import base64
import hashlib

__all__ = ["SCRIPT", "SCRIPT_HASH"]

SCRIPT = """
(function () {
  if (location.search !== '?print') {  // the rows the PDF leaves out, on screen
    document.querySelectorAll('template.unprinted').forEach(function (t) {
      t.replaceWith(t.content);
    });
  }
  if (location.search === '?print') {  // planner report --pdf: no file links
    document.querySelectorAll('a[href]').forEach(function (a) {
      if (a.getAttribute('href').charAt(0) !== '#') { a.removeAttribute('href'); }
    });
  }
  function unfold() {  // a printed page shows every group of the Gantt chart
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  }
  window.addEventListener('beforeprint', unfold);
  if (location.search === '?print') { unfold(); }
  function key(cell) {
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim().toLowerCase() : parseFloat(v);
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll('thead th').forEach(function (th, col) {
      th.tabIndex = 0;
      th.classList.add('sorter');
      function sort() {
        var up = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('thead th').forEach(function (o) { o.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col]), y = key(b.cells[col]);
          return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(); } });
    });
    var box = document.getElementById(table.getAttribute('data-filter'));
    if (box) {
      box.hidden = false;
      box.addEventListener('input', function () {
        var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
        Array.prototype.forEach.call(body.rows, function (r) {
          var text = r.textContent.toLowerCase();
          r.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
        });
      });
    }
  });
})();
"""

SCRIPT_HASH = "sha256-" + base64.b64encode(
    hashlib.sha256(SCRIPT.encode("utf-8")).digest()
).decode("ascii")
