/// The dashboard's only script: shows the filter form, filters rows and re-sorts them.
/// Without it the page is complete: the findings listed most serious first.
/// It reads only attributes the page already holds and writes only text and `hidden`.
enum DashboardScript {
    static let javascript = """
    (function () {
      'use strict';
      var form = document.getElementById('filters');
      var table = document.getElementById('findings');
      if (!form || !table || !table.tBodies.length) { return; }
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var shown = document.getElementById('shown');
      var lateHeader = document.getElementById('days-late');
      var severityHeader = document.getElementById('severity-column');
      var filters = Array.prototype.slice.call(form.querySelectorAll('select[data-field]'));
      var order = form.elements.namedItem('order');
      function number(row, name) { return Number(row.getAttribute(name)); }
      function sortRows() {
        var how = order.value;
        var sorted = rows.slice().sort(function (a, b) {
          if (how === 'child') { return number(a, 'data-child-order') - number(b, 'data-child-order'); }
          if (how === 'serious') { return number(a, 'data-severity-order') - number(b, 'data-severity-order'); }
          var d = number(a, 'data-lateness-order') - number(b, 'data-lateness-order');
          return how === 'early' ? -d : d;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
        lateHeader.setAttribute('aria-sort', how === 'late' ? 'descending' : how === 'early' ? 'ascending' : 'none');
        severityHeader.setAttribute('aria-sort', how === 'serious' ? 'descending' : 'none');
      }
      function filterRows() {
        var count = 0;
        rows.forEach(function (row) {
          var visible = filters.every(function (select) {
            return select.selectedIndex === 0 || row.getAttribute('data-' + select.getAttribute('data-field')) === select.value;
          });
          row.hidden = !visible;
          if (visible) { count += 1; }
        });
        shown.textContent = count + ' of ' + rows.length + ' findings shown';
      }
      form.addEventListener('change', function () { sortRows(); filterRows(); });
      form.addEventListener('submit', function (event) { event.preventDefault(); });
      form.hidden = false;
      document.getElementById('static-note').hidden = true;
      filterRows();
      document.body.setAttribute('data-enhanced', 'true');
    }());
    """
}
