// The security page's report form (progressive enhancement): shows the form,
// and on submit composes every field into an e-mail to the PSIRT's address.
// Without JavaScript the form stays hidden and the plain instructions above
// it say what to send where.
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form) return;
  form.hidden = false;

  // "Label: value" lines; multi-line answers go under their label.
  function compose() {
    var lines = [];
    var fields = form.querySelectorAll('[data-label]');
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      var value = (f.value || '').replace(/\r\n?/g, '\n').trim();
      if (!value) value = '(not given)';
      if (f.tagName === 'TEXTAREA') {
        lines.push(f.getAttribute('data-label') + ':', value, '');
      } else {
        lines.push(f.getAttribute('data-label') + ': ' + value);
      }
    }
    return lines.join('\n').trim() + '\n';
  }

  function subject() {
    var device = form.querySelector('[name="device"]');
    var s = form.getAttribute('data-subject') || 'Vulnerability report';
    return device && device.value ? s + ': ' + device.value : s;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = compose();
    // encodeURIComponent keeps every character (&, ?, #, %, newlines, non-ASCII).
    var url = 'mailto:' + form.getAttribute('data-address') +
      '?subject=' + encodeURIComponent(subject()) + '&body=' + encodeURIComponent(body);
    var link = document.getElementById('report-mailto');
    var text = document.getElementById('report-body');
    if (link) link.href = url;
    if (text) text.value = body;
    var result = form.querySelector('.report-result');
    if (result) result.hidden = false;
    if (!form.hasAttribute('data-no-open')) window.location.href = url;
  });
})();
