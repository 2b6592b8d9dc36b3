"use strict";
// A separate file, not inline: the page's Content-Security-Policy allows scripts from this origin only.
const STAGES = [
  ["booked", false], ["planned", false], ["dispatched", false], ["sent", false], ["delivered", false],
  ["failed", true], ["suppressed", true], ["expired", true], ["revoked", true]
];

function text(tag, value, attributes) {
  const element = document.createElement(tag);
  element.textContent = value;
  Object.entries(attributes || {}).forEach(([name, v]) => element.setAttribute(name, v));
  return element;
}

function renderFunnel(funnel) {
  const box = document.getElementById("funnel");
  box.replaceChildren(...STAGES.map(([stage, bad]) => {
    const cell = text("div", "", { "class": bad ? "stage bad" : "stage", "data-stage": stage });
    cell.append(text("span", String(funnel[stage]), { "class": "count" }), text("span", stage, { "class": "name" }));
    return cell;
  }));
}

function renderUpcoming(hours) {
  const svg = document.getElementById("upcoming");
  const ns = "http://www.w3.org/2000/svg";
  const max = Math.max(1, ...hours.map(h => h.count));
  const width = 960 / hours.length;
  svg.replaceChildren();
  hours.forEach((h, i) => {
    const height = Math.round((h.count / max) * 130);
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", String(i * width + 1));
    bar.setAttribute("y", String(140 - height));
    bar.setAttribute("width", String(width - 2));
    bar.setAttribute("height", String(height));
    bar.setAttribute("fill", "#3b82c4");
    bar.setAttribute("data-count", String(h.count));
    const title = document.createElementNS(ns, "title");
    title.textContent = new Date(h.hour).toLocaleString() + ": " + h.count;
    bar.append(title);
    svg.append(bar);
    if (i % 6 === 0) {
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", String(i * width + 2));
      label.setAttribute("y", "155");
      label.textContent = new Date(h.hour).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      svg.append(label);
    }
  });
}

function renderFailures(failures) {
  const body = document.getElementById("failures");
  if (failures.length === 0) {
    const row = document.createElement("tr");
    row.append(text("td", "No failures in this period.", { colspan: "7" }));
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(...failures.map(f => {
    const row = document.createElement("tr");
    row.append(text("td", new Date(f.at).toLocaleString()), text("td", f.clinicId), text("td", f.bookingRef),
      text("td", f.ruleKey), text("td", f.status), text("td", f.reason || ""));
    const action = document.createElement("td");
    if (f.canResend) {
      const button = text("button", "Send again", { type: "button" });
      button.addEventListener("click", () => resend(f.reminderId, button));
      action.append(button);
    }
    row.append(action);
    return row;
  }));
}

function renderInbox(inbox) {
  const box = document.getElementById("inbox");
  box.textContent = `${inbox.open} open in the clinics' inboxes, ${inbox.urgent} of them urgent.`;
  box.dataset.open = String(inbox.open);
  box.dataset.urgent = String(inbox.urgent);
  box.className = inbox.urgent > 0 ? "urgent" : "";
}

async function resend(reminderId, button) {
  button.disabled = true;
  // The header makes this a request no cross-site form or image can send (see CrossSiteRequestFilter).
  const response = await fetch("/v1/ops/reminders/" + encodeURIComponent(reminderId) + "/resend",
    { method: "POST", headers: { "X-Aftercare-Csrf": "1" } });
  button.textContent = response.ok ? "Queued" : "Could not";
  refresh();
}

async function refresh() {
  const hours = document.getElementById("hours").value;
  const clinic = document.getElementById("clinic").value.trim();
  const query = new URLSearchParams({ hours });
  if (clinic) { query.set("clinicId", clinic); }
  const status = document.getElementById("status");
  try {
    const response = await fetch("/v1/ops/overview?" + query);
    if (!response.ok) { throw new Error("HTTP " + response.status); }
    const overview = await response.json();
    renderFunnel(overview.funnel);
    renderUpcoming(overview.upcoming);
    const l = overview.lateness;
    document.getElementById("lateness").textContent = l.count === 0 ? "Nothing dispatched in this period."
      : `p50 ${(l.p50Seconds * 1000).toFixed(0)} ms, p99 ${(l.p99Seconds * 1000).toFixed(0)} ms after their due time (the period's latest ${l.count} dispatches).`;
    renderFailures(overview.failures);
    renderInbox(overview.inbox);
    status.textContent = "updated " + new Date().toLocaleTimeString();
    document.body.dataset.loaded = "true";
  } catch (error) {
    status.textContent = "could not load: " + error.message;
  }
}

document.getElementById("hours").addEventListener("change", refresh);
document.getElementById("clinic").addEventListener("change", refresh);
refresh();
setInterval(refresh, 10000);
