// Event forms in the admin: times are entered in the event's zone, not the browser's.
// 1. Django's "You are N hours behind server time" note compares the browser with the zone the
//    page was rendered in (the event's): irrelevant here, so the note is switched off before
//    DateTimeShortcuts adds it on window load. Its "Now" keeps using the event's zone.
// 2. The "Local time in <zone>" hints follow the event's time zone field as it changes; an
//    empty choice restores the zone the page was rendered with (the host's, until saved).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (window.DateTimeShortcuts) {
      window.DateTimeShortcuts.addTimezoneWarning = function () {};
    }
    var select = document.getElementById("id_timezone");
    if (!select) { return; }
    function update() {
      var hints = document.querySelectorAll("[data-event-zone]");
      for (var i = 0; i < hints.length; i++) {
        var initial = hints[i].getAttribute("data-initial-zone");
        if (initial === null) {
          initial = hints[i].textContent;
          hints[i].setAttribute("data-initial-zone", initial);
        }
        hints[i].textContent = select.value || initial;
      }
    }
    select.addEventListener("change", update);
    // Rows added with "Add another" copy the empty form's hint: bring them up to date too.
    document.addEventListener("formset:added", update);
  });
})();
