// Progressive enhancement: offer the reader's own time zone in the "show times in" choice.
(function () {
  "use strict";
  var select = document.getElementById("tz-select");
  if (!select || !window.Intl || !Intl.DateTimeFormat) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) { return; }
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) { return; }
  }
  var option = document.createElement("option");
  option.value = zone;
  option.textContent = (select.getAttribute("data-local-label") || "{zone}").replace("{zone}", zone);
  select.appendChild(option);
})();
