// Parses each .ics file given with Mozilla's ical.js (Thunderbird's parser) and prints one JSON
// report: {file: {errors: [...], method, events: [{uid, summary, language, sequence, status}]}}. An error is anything ical.js refuses, or a VEVENT that Thunderbird
// could not place: no UID or DTSTART, a TZID without its VTIMEZONE, an end before its start.
"use strict";
const fs = require("fs");
const ICAL = require("ical.js");

function check(text) {
  const errors = [];
  const events = [];
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    return { errors: [`parse: ${error.message}`], method: null, events };
  }
  if (root.name !== "vcalendar") errors.push(`root is ${root.name}`);
  for (const name of ["prodid", "version"]) {
    if (!root.hasProperty(name)) errors.push(`VCALENDAR without ${name.toUpperCase()}`);
  }
  const zones = new Set();
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    const zone = new ICAL.Timezone(vtimezone);
    zones.add(zone.tzid);
    ICAL.TimezoneService.register(zone);
  }
  for (const vevent of root.getAllSubcomponents("vevent")) {
    try {
      const uid = vevent.getFirstPropertyValue("uid");
      if (!uid) errors.push("VEVENT without UID");
      for (const name of ["dtstart", "dtend"]) {
        const prop = vevent.getFirstProperty(name);
        const tzid = prop && prop.getParameter("tzid");
        if (tzid && !zones.has(tzid)) errors.push(`${uid}: ${name} TZID ${tzid} has no VTIMEZONE`);
      }
      const event = new ICAL.Event(vevent);
      if (!event.startDate) {
        errors.push(`${uid}: no DTSTART`);
        continue;
      }
      if (event.endDate && event.endDate.compare(event.startDate) < 0) {
        errors.push(`${uid}: ends before it starts`);
      }
      if (event.startDate.isDate !== (event.endDate ? event.endDate.isDate : event.startDate.isDate)) {
        errors.push(`${uid}: DTSTART and DTEND of different value types`);
      }
      event.description; event.location;
      const summary = vevent.getFirstProperty("summary");
      events.push({
        uid: event.uid,
        summary: event.summary,
        language: summary ? summary.getParameter("language") || null : null,
        sequence: event.sequence,
        status: vevent.getFirstPropertyValue("status"),
      });
    } catch (error) {
      errors.push(`VEVENT: ${error.message}`);
    }
  }
  return { errors, method: root.getFirstPropertyValue("method"), events };
}

const report = {};
for (const file of process.argv.slice(2)) {
  report[file] = check(fs.readFileSync(file, "utf8"));
}
process.stdout.write(JSON.stringify(report));
