// The walk list's offline queue (/me/walk/{turf}). Each answer gets an id made here, is kept in this
// browser's storage, and is sent when there is a connection; the server stores an id once, so an answer
// sent twice (a reply lost on the way back) is still one answer. Without this script the forms post as
// plain HTML. Words come from the page (data-* attributes), in the member's language.
(function () {
  'use strict';
  var root = document.getElementById('walk');
  if (!root || !window.fetch || !window.localStorage || !window.URLSearchParams) {
    return;
  }
  var words = root.dataset;
  var key = 'pp.walk.' + location.pathname;
  var sending = false;
  var sentSome = false;

  function load() {
    try {
      return JSON.parse(localStorage.getItem(key) || '[]');
    } catch (e) {
      return [];
    }
  }

  function store(queue) {
    localStorage.setItem(key, JSON.stringify(queue));
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function status(contactId, text) {
    var el = document.getElementById('status-c' + contactId);
    if (el) {
      el.textContent = text;
    }
  }

  function show() {
    var queue = load();
    var el = document.getElementById('walk-queue');
    el.textContent = queue.length
      ? words.queued.replace('{n}', queue.length)
      : (sentSome ? words.allSent : '');
    el.className = queue.length ? 'box problem' : (sentSome ? 'box ok' : '');
    queue.forEach(function (item) { status(item.fields.contactId, words.waiting); });
  }

  function flush() {
    if (sending) {
      return;
    }
    var queue = load();
    if (!queue.length) {
      show();
      return;
    }
    sending = true;
    var item = queue[0];
    var fields = Object.assign({}, item.fields);
    // the form key of the session this page was opened in: after signing in again and reloading, answers
    // queued under the old session go with the new key
    var key = document.querySelector('form.walk-answer input[name=formKey]');
    if (key) {
      fields.formKey = key.value;
    }
    fetch(item.action, {
      method: 'POST',
      body: new URLSearchParams(fields),
      credentials: 'same-origin',
      redirect: 'manual',
      headers: { 'X-Walk-Queue': '1' }
    }).then(function (response) {
      sending = false;
      if (response.type === 'opaqueredirect') {
        // sent to sign in: the session ran out; nothing was stored, so the answer stays queued
        var el = document.getElementById('walk-queue');
        el.textContent = words.signIn;
        el.className = 'box problem';
        return;
      }
      if (response.status >= 500) {
        show();
        return; // the server's trouble: try again later
      }
      store(load().filter(function (x) { return x.fields.attemptId !== item.fields.attemptId; }));
      sentSome = true;
      status(item.fields.contactId, response.ok ? words.sent : words.refused);
      flush();
    }, function () {
      sending = false; // no connection: it stays queued
      show();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form.walk-answer'), function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var contactId = form.elements.contactId.value;
      var error = document.getElementById('result-error-c' + contactId);
      if (!form.querySelector('input[name=result]:checked')) {
        error.textContent = words.resultRequired;
        error.hidden = false;
        return;
      }
      error.hidden = true;
      error.textContent = '';
      var fields = {};
      new FormData(form).forEach(function (value, name) { fields[name] = value; });
      fields.attemptId = newId();
      var queue = load();
      queue.push({ action: form.getAttribute('action'), fields: fields });
      store(queue);
      form.reset();
      status(contactId, words.waiting);
      show();
      flush();
    });
  });

  window.addEventListener('online', flush);
  setInterval(flush, 3000);
  root.setAttribute('data-queue-ready', 'yes');
  show();
  flush();
})();
