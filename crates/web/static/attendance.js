// The attendance screen, usable offline: every tap is kept on the phone
// (localStorage) with its own idempotency key until the server has it, and
// sent again when the connection returns. The server ignores a key it has
// seen, so a replay or a double tap changes nothing twice.
(function () {
  "use strict";
  var form = document.getElementById("attendance");
  if (!form || !window.fetch || !window.localStorage) return;
  var session = form.dataset.session;
  var csrf = form.dataset.csrf;
  var store = "traject-attendance-" + session;
  var status = document.getElementById("sync-status");
  var allPresent = document.getElementById("all-present");

  function pending() {
    try { return JSON.parse(localStorage.getItem(store) || "[]"); } catch (e) { return []; }
  }
  function keep(list) { localStorage.setItem(store, JSON.stringify(list)); }
  function key() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "k" + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }
  function say(kind, count) {
    status.hidden = false;
    status.textContent = status.dataset[kind].replace("{count}", count);
    status.dataset.state = kind;
  }
  function reasonOf(row) {
    var select = row.querySelector("select");
    return select ? select.value : "other";
  }
  function showReason(row) {
    var checked = row.querySelector("input[type=radio]:checked");
    row.querySelector(".reason").hidden = !(checked && checked.value === "excused");
  }
  // The marks on screen, as the user last set them (also after a reload).
  function record(row) {
    var checked = row.querySelector("input[type=radio]:checked");
    if (!checked) return;
    var participant = row.dataset.participant;
    var list = pending().filter(function (m) { return m.participant_id !== participant; });
    var mark = { participant_id: participant, mark: checked.value, marked_at: new Date().toISOString(), key: key() };
    if (checked.value === "excused") mark.reason = reasonOf(row);
    list.push(mark);
    keep(list);
  }
  function send() {
    var list = pending();
    // Nothing waiting: everything on screen is already saved.
    if (list.length === 0) { say("sent", 0); return Promise.resolve(); }
    if (!navigator.onLine) { say("offline", list.length); return Promise.resolve(); }
    say("pending", list.length);
    return fetch("/api/v1/sessions/" + encodeURIComponent(session) + "/attendance", {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ marks: list })
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      // Only what was sent is dropped: taps made meanwhile stay queued.
      var sentKeys = list.map(function (m) { return m.key; });
      keep(pending().filter(function (m) { return sentKeys.indexOf(m.key) < 0; }));
      say("sent", list.length);
    }).catch(function () {
      say(navigator.onLine ? "pending" : "offline", pending().length);
    });
  }

  var rows = Array.prototype.slice.call(form.querySelectorAll(".attendance-row"));
  // Marks kept from an earlier visit (offline) win over the page's.
  pending().forEach(function (m) {
    var row = form.querySelector('.attendance-row[data-participant="' + m.participant_id + '"]');
    if (!row) return;
    var input = row.querySelector('input[value="' + m.mark + '"]');
    if (input) input.checked = true;
    if (m.reason) { var s = row.querySelector("select"); if (s) s.value = m.reason; }
  });
  rows.forEach(function (row) {
    showReason(row);
    row.addEventListener("change", function () { showReason(row); record(row); });
  });
  allPresent.hidden = false;
  allPresent.addEventListener("click", function () {
    rows.forEach(function (row) {
      var present = row.querySelector('input[value="present"]');
      if (!row.querySelector("input[type=radio]:checked") && present) {
        present.checked = true;
        showReason(row);
        record(row);
      }
    });
  });
  // Every tap is already queued: saving sends the queue.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send();
  });
  window.addEventListener("online", send);
  if (pending().length > 0) send();
})();
