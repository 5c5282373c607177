// The "Health checks" view in Cockpit: how the service is doing, drawn as plain SVG from the same
// figures as GET /api/analytics (served here by the plugin's resource under the Cockpit login).
// Every shown number carries its raw value in data-value, so tests can hold it against the JSON.

const SVG = "http://www.w3.org/2000/svg";
const PRIORITY_COLOURS = {
  urgent: "#c0392b",
  high: "#e67e22",
  normal: "#2e86c1",
  low: "#7f8c8d",
};
const TYPE_COLOURS = ["#2e86c1", "#16a085", "#8e44ad", "#d35400", "#7f8c8d"];
const PERIODS = [
  { id: "today", label: "Today", days: 1 },
  { id: "7d", label: "Last 7 days", days: 7 },
  { id: "30d", label: "Last 30 days", days: 30 },
  { id: "90d", label: "Last 90 days", days: 90 },
];

// ---- small DOM helpers: text goes in as text, never as markup

function html(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAll(node, attributes);
  children.flat().forEach((child) => append(node, child));
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAll(node, attributes);
  children.flat().forEach((child) => append(node, child));
  return node;
}

function setAll(node, attributes) {
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, String(value));
    }
  });
}

function append(node, child) {
  if (child === null || child === undefined || child === false) {
    return;
  }
  node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
}

/** A number as shown, with its raw value kept for a reader of the page's markup. */
function figure(name, value, text) {
  return html(
    "span",
    { class: "hc-figure", "data-figure": name, "data-value": value === null ? "" : value },
    text === undefined ? formatCount(value) : text,
  );
}

// ---- formats

function formatCount(value) {
  return value === null || value === undefined ? "–" : String(value);
}

function formatShare(value) {
  return value === null || value === undefined ? "–" : `${Math.round(value * 1000) / 10}%`;
}

function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) {
    return "–";
  }
  if (seconds < 90) {
    return `${seconds} s`;
  }
  if (seconds < 90 * 60) {
    return `${Math.round(seconds / 60)} min`;
  }
  if (seconds < 36 * 3600) {
    return `${Math.round(seconds / 360) / 10} h`;
  }
  return `${Math.round(seconds / 8640) / 10} d`;
}

function formatDay(instant, bucket) {
  const date = new Date(instant);
  const day = date.toLocaleDateString("en-GB", {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
  });
  if (bucket === "hour") {
    return `${String(date.getUTCHours()).padStart(2, "0")}:00`;
  }
  return bucket === "week" ? `week of ${day}` : day;
}

function formatMoment(instant) {
  return new Date(instant).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** Whole days read as days, the last one included; anything else as the two moments. */
function formatPeriod(from, to) {
  const midnight = (instant) => instant.endsWith("T00:00:00Z");
  if (!midnight(from) || !midnight(to)) {
    return `${formatMoment(from)} to ${formatMoment(to)}`;
  }
  const last = new Date(new Date(to).getTime() - 86400000).toISOString();
  const day = (instant) =>
    new Date(instant).toLocaleDateString("en-GB", {
      timeZone: "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
    });
  return from.slice(0, 10) === last.slice(0, 10)
    ? `${day(from)} (UTC)`
    : `${day(from)} to ${day(last)} (whole days, UTC)`;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function sentence(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function label(code) {
  return code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, " ");
}

// ---- charts

/** Columns per time bucket, automatic below manual. */
function assignmentsChart(assignments) {
  const buckets = assignments.overTime;
  const width = 760;
  const height = 220;
  const left = 36;
  const bottom = 36;
  const top = 12;
  const highest = Math.max(1, ...buckets.map((b) => b.automatic + b.manual));
  const step = (width - left - 8) / Math.max(1, buckets.length);
  const scale = (height - bottom - top) / highest;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "hc-chart",
    role: "img",
    "aria-label": "Assignments over time",
  });

  [0, Math.ceil(highest / 2), highest].forEach((tick) => {
    const y = height - bottom - tick * scale;
    chart.appendChild(svg("line", { x1: left, x2: width - 8, y1: y, y2: y, class: "hc-grid" }));
    chart.appendChild(
      svg("text", { x: left - 6, y: y + 4, class: "hc-axis", "text-anchor": "end" }, tick),
    );
  });

  const every = Math.ceil(buckets.length / 12);
  buckets.forEach((bucket, i) => {
    const x = left + i * step + step * 0.15;
    const barWidth = Math.max(1, step * 0.7);
    const autoHeight = bucket.automatic * scale;
    const manualHeight = bucket.manual * scale;
    const base = height - bottom;
    const title =
      `${formatDay(bucket.start, assignments.bucket)}: ` +
      `${bucket.automatic} automatic, ${bucket.manual} manual`;
    chart.appendChild(
      svg(
        "g",
        {
          "data-bucket": bucket.start,
          "data-automatic": bucket.automatic,
          "data-manual": bucket.manual,
        },
        svg("title", {}, title),
        svg("rect", {
          x,
          y: base - autoHeight,
          width: barWidth,
          height: autoHeight,
          class: "hc-auto",
        }),
        svg("rect", {
          x,
          y: base - autoHeight - manualHeight,
          width: barWidth,
          height: manualHeight,
          class: "hc-manual",
        }),
      ),
    );
    if (i % every === 0) {
      chart.appendChild(
        svg(
          "text",
          {
            x: x + barWidth / 2,
            y: height - bottom + 16,
            class: "hc-axis",
            "text-anchor": "middle",
          },
          formatDay(bucket.start, assignments.bucket),
        ),
      );
    }
  });
  return chart;
}

/**
 * One row per priority on its own scale: the p90 bar, the p50 bar over it, a tick at the longest
 * wait, and the due time (a band when the check types of a priority have different due times).
 */
function timeToAssignChart(rows) {
  const width = 760;
  const rowHeight = 44;
  const left = 80;
  const right = 260;
  const height = rows.length * rowHeight + 8;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "hc-chart",
    role: "img",
    "aria-label": "Time to assign by priority against the due time",
  });
  rows.forEach((row, i) => {
    const y = 8 + i * rowHeight;
    const spread = row.assigned;
    const longest = Math.max(spread.maxSeconds || 0, row.dueWithinMaxSeconds || 0, 1);
    const scale = (width - left - right) / (longest * 1.05);
    const group = svg("g", { "data-priority": row.priority });
    group.appendChild(svg("text", { x: 0, y: y + 20, class: "hc-label" }, label(row.priority)));
    group.appendChild(
      svg("rect", {
        x: left,
        y: y + 6,
        width: width - left - right,
        height: 20,
        class: "hc-track",
      }),
    );

    if (spread.count > 0) {
      const colour = PRIORITY_COLOURS[row.priority];
      group.appendChild(
        svg("rect", {
          x: left,
          y: y + 9,
          width: spread.p90Seconds * scale,
          height: 14,
          fill: colour,
          opacity: 0.35,
        }),
      );
      group.appendChild(
        svg("rect", {
          x: left,
          y: y + 9,
          width: spread.p50Seconds * scale,
          height: 14,
          fill: colour,
        }),
      );
      const tick = left + spread.maxSeconds * scale;
      group.appendChild(
        svg("line", { x1: tick, x2: tick, y1: y + 4, y2: y + 28, class: "hc-max" }),
      );
    }
    if (row.dueWithinMinSeconds !== null) {
      // drawn last so that it stays visible over the bars
      const from = left + row.dueWithinMinSeconds * scale;
      const to = left + row.dueWithinMaxSeconds * scale;
      if (to - from > 2) {
        group.appendChild(
          svg("rect", { x: from, y: y + 2, width: to - from, height: 28, class: "hc-due-band" }),
        );
      }
      [from, to].forEach((x) =>
        group.appendChild(svg("line", { x1: x, x2: x, y1: y, y2: y + 32, class: "hc-due" })),
      );
    }
    const summary =
      spread.count > 0
        ? [spread.p50Seconds, spread.p90Seconds, spread.maxSeconds]
            .map((seconds, i) => `${["p50", "p90", "max"][i]} ${formatDuration(seconds)}`)
            .join(" · ")
        : "nothing assigned";
    const due =
      row.dueWithinMinSeconds === null
        ? "no due time"
        : row.dueWithinMinSeconds === row.dueWithinMaxSeconds
          ? `due within ${formatDuration(row.dueWithinMinSeconds)}`
          : `due within ${formatDuration(row.dueWithinMinSeconds)}–` +
            formatDuration(row.dueWithinMaxSeconds);
    group.appendChild(svg("text", { x: width - right + 10, y: y + 14, class: "hc-note" }, summary));
    group.appendChild(
      svg("text", { x: width - right + 10, y: y + 30, class: "hc-note hc-muted" }, due),
    );
    chart.appendChild(group);
  });
  return chart;
}

const NUMBER = "hc-number";

/**
 * A table of figures: a column per entry ({ title, className, cell }), a row per item, each row
 * marked by key(item) (data-priority, data-name) so that a reader of the markup finds it.
 */
function figuresTable(name, columns, items, key) {
  const cells = (tag, content) =>
    columns.map((column) => html(tag, { class: column.className }, content(column)));
  return html(
    "table",
    { class: "hc-table", "data-table": name },
    html(
      "thead",
      {},
      html(
        "tr",
        {},
        cells("th", (column) => column.title),
      ),
    ),
    html(
      "tbody",
      {},
      items.map((item) =>
        html(
          "tr",
          key(item),
          cells("td", (column) => column.cell(item)),
        ),
      ),
    ),
  );
}

function swatch(colour) {
  return html("span", { class: "hc-swatch", style: `background: ${colour}` });
}

function pendingTable(pending) {
  return figuresTable(
    "pending",
    [
      {
        title: "Priority",
        cell: (row) => [swatch(PRIORITY_COLOURS[row.priority]), label(row.priority)],
      },
      { title: "Pending", className: NUMBER, cell: (row) => figure("checks", row.checks) },
      { title: "Past due", className: NUMBER, cell: (row) => figure("overdue", row.overdue) },
      {
        title: "Waiting since",
        cell: (row) => (row.oldestRequestedAt ? formatMoment(row.oldestRequestedAt) : "–"),
      },
    ],
    pending.byPriority,
    (row) => ({ "data-priority": row.priority }),
  );
}

function durationColumn(title, name) {
  return {
    title,
    className: NUMBER,
    cell: (row) => figure(name, row.assigned[name], formatDuration(row.assigned[name])),
  };
}

function timeToAssignTable(rows) {
  return figuresTable(
    "time-to-assign",
    [
      { title: "Priority", cell: (row) => label(row.priority) },
      { title: "Requested", className: NUMBER, cell: (row) => figure("requested", row.requested) },
      {
        title: "Assigned",
        className: NUMBER,
        cell: (row) => figure("assigned", row.assigned.count),
      },
      durationColumn("p50", "p50Seconds"),
      durationColumn("p90", "p90Seconds"),
      durationColumn("Max", "maxSeconds"),
      {
        title: "Missed due time",
        className: NUMBER,
        cell: (row) => [
          figure("breached", row.breached),
          html("span", { class: "hc-muted" }, ` (${formatShare(row.breachShare)})`),
        ],
      },
      {
        title: "Still waiting past due",
        className: NUMBER,
        cell: (row) => figure("waitingPastDue", row.waitingPastDue),
      },
    ],
    rows,
    (row) => ({ "data-priority": row.priority }),
  );
}

/** Utilization now and on average as two bars, with the load and the free slots beside them. */
function utilizationTable(rows, nameOf, kind) {
  return figuresTable(
    kind,
    [
      {
        title: label(kind),
        cell: (row) => [
          nameOf(row),
          row.role ? html("span", { class: "hc-muted" }, ` · ${row.specialization}`) : null,
        ],
      },
      {
        title: "Now",
        className: NUMBER,
        cell: (row) => figure("current", row.current, `${row.current} of ${row.max}`),
      },
      {
        title: "Utilization: now (orange), average over the period (blue)",
        className: "hc-bar-cell",
        cell: (row) => [
          meter(row.currentUtilization, "hc-now"),
          meter(row.averageUtilization, "hc-average"),
        ],
      },
      {
        title: "Average load",
        className: NUMBER,
        cell: (row) => figure("averageLoad", row.averageLoad, row.averageLoad.toFixed(2)),
      },
      { title: "Free slots", className: NUMBER, cell: (row) => figure("freeSlots", row.freeSlots) },
    ],
    rows,
    (row) => ({ "data-name": nameOf(row) }),
  );
}

function meter(share, kind) {
  const width = share === null ? 0 : Math.min(100, share * 100);
  return html(
    "div",
    { class: `hc-meter ${kind}` },
    html("div", { class: "hc-meter-fill", style: `width: ${width}%` }),
    html(
      "span",
      { class: "hc-meter-text" },
      figure(
        kind === "hc-now" ? "currentUtilization" : "averageUtilization",
        share,
        share === null ? "no capacity" : formatShare(share),
      ),
    ),
  );
}

/** The busiest and the idlest when there are many: the middle tells a manager least. */
function busiestAndIdlest(consultants) {
  const sorted = [...consultants].sort(
    (a, b) =>
      (b.averageUtilization ?? -1) - (a.averageUtilization ?? -1) ||
      a.username.localeCompare(b.username),
  );
  if (sorted.length <= 16) {
    return { shown: sorted, hidden: 0 };
  }
  return { shown: [...sorted.slice(0, 8), ...sorted.slice(-8)], hidden: sorted.length - 16 };
}

/** A single stacked bar of a mix with its legend. */
function mixBar(title, counts, colours, name) {
  const entries = Object.entries(counts);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const bar = html("div", { class: "hc-mix-bar" });
  const legend = html("ul", { class: "hc-legend" });
  entries.forEach(([code, n], i) => {
    const colour = colours[code] || colours[i % colours.length];
    if (total > 0 && n > 0) {
      bar.appendChild(
        html("div", {
          style: `width: ${(n / total) * 100}%; background: ${colour}`,
          title: `${label(code)}: ${n}`,
        }),
      );
    }
    legend.appendChild(
      html(
        "li",
        { "data-key": code },
        html("span", { class: "hc-swatch", style: `background: ${colour}` }),
        `${label(code)} `,
        figure(`${name}.${code}`, n),
        total > 0 ? html("span", { class: "hc-muted" }, ` (${formatShare(n / total)})`) : null,
      ),
    );
  });
  return html(
    "div",
    { class: "hc-mix" },
    html("h4", {}, title),
    total > 0 ? bar : html("p", { class: "hc-muted" }, "No requests in this period."),
    legend,
  );
}

function waitsChart(waits) {
  if (waits.length === 0) {
    return html(
      "p",
      { class: "hc-muted", "data-empty": "waits" },
      "No check had to wait for want of a fitting consultant in this period.",
    );
  }
  const top = waits.slice(0, 6);
  const most = Math.max(...top.map((w) => w.checks));
  return html(
    "div",
    { class: "hc-waits" },
    top.map((wait) =>
      html(
        "div",
        { class: "hc-wait", "data-reason": wait.reason },
        html("div", { class: "hc-wait-label" }, sentence(wait.explanation)),
        html(
          "div",
          { class: "hc-wait-bar" },
          html("div", { class: "hc-wait-fill", style: `width: ${(wait.checks / most) * 100}%` }),
          html(
            "span",
            {},
            figure(`waits.${wait.reason}.checks`, wait.checks),
            wait.checks === 1 ? " check" : " checks",
          ),
        ),
        html(
          "div",
          { class: "hc-muted hc-wait-types" },
          Object.entries(wait.checksByCheckType)
            .map(([type, n]) => `${label(type)} ${n}`)
            .join(" · "),
        ),
      ),
    ),
  );
}

// ---- the page

function tile(title, main, detail) {
  return html(
    "div",
    { class: "hc-tile" },
    html("div", { class: "hc-tile-title" }, title),
    html("div", { class: "hc-tile-main" }, main),
    html("div", { class: "hc-tile-detail" }, detail),
  );
}

function section(title, hint, ...content) {
  return html(
    "section",
    { class: "hc-section" },
    html("h3", {}, title),
    hint ? html("p", { class: "hc-hint" }, hint) : null,
    content,
  );
}

function page(figures) {
  const { pending, assignments, breaches, requests, utilization } = figures;
  const shownConsultants = busiestAndIdlest(utilization.byConsultant);
  const completion = figures.timeToComplete.all;
  return html(
    "div",
    { class: "hc-page", "data-from": figures.from, "data-to": figures.to },
    html(
      "div",
      { class: "hc-tiles" },
      tile("Pending now", figure("pending.total", pending.total), [
        figure("pending.overdue", pending.overdue),
        " past their due time",
      ]),
      tile("Assigned in the period", figure("assignments.total", assignments.total), [
        figure(
          "assignments.automaticShare",
          assignments.automaticShare,
          formatShare(assignments.automaticShare),
        ),
        " automatically",
      ]),
      tile("Missed their due time", figure("breaches.breached", breaches.breached), [
        figure("breaches.share", breaches.share, formatShare(breaches.share)),
        ` of ${breaches.withDueTime} requested with a due time`,
      ]),
      tile("Requested in the period", figure("requests.total", requests.total), [
        "median to complete ",
        figure(
          "timeToComplete.p50Seconds",
          completion.p50Seconds,
          formatDuration(completion.p50Seconds),
        ),
      ]),
    ),
    section(
      "Waiting now",
      "Pending checks by priority; the oldest has waited since the time shown.",
      pendingTable(pending),
    ),
    section(
      "Assignments over time",
      `Per ${assignments.bucket} (UTC): automatic by the service in blue, manual in grey.`,
      assignmentsChart(assignments),
    ),
    section(
      "Time to assign against the due time",
      "For checks requested in the period, each priority on its own scale; the due time is the " +
        "one the service-level table gave each check (a band when it differs by check type).",
      timeToAssignChart(figures.timeToAssign),
      html(
        "ul",
        { class: "hc-legend hc-key" },
        html("li", {}, html("span", { class: "hc-swatch hc-key-p50" }), "median (p50)"),
        html(
          "li",
          {},
          html("span", { class: "hc-swatch hc-key-p90" }),
          "90% assigned within (p90)",
        ),
        html("li", {}, html("span", { class: "hc-key-max" }), "longest"),
        html("li", {}, html("span", { class: "hc-key-due" }), "due time"),
      ),
      timeToAssignTable(figures.timeToAssign),
    ),
    section(
      "Utilization by specialization",
      "Now: checks held (carried load included) of the maximum. Average: checks held at once " +
        "over the period, time-weighted, of today's maximum.",
      utilizationTable(utilization.bySpecialization, (row) => row.name, "specialization"),
    ),
    section(
      "Utilization by consultant",
      shownConsultants.hidden > 0
        ? "The 8 busiest and the 8 idlest by average utilization; " +
            `${shownConsultants.hidden} more in GET /api/analytics.`
        : "Busiest first, by average utilization over the period.",
      utilizationTable(shownConsultants.shown, (row) => row.name || row.username, "consultant"),
    ),
    html(
      "div",
      { class: "hc-columns" },
      section(
        "Priority mix",
        "Checks requested in the period.",
        mixBar("By priority", requests.byPriority, PRIORITY_COLOURS, "requests.byPriority"),
      ),
      section(
        "Check-type mix",
        "Checks requested in the period.",
        mixBar("By check type", requests.byCheckType, TYPE_COLOURS, "requests.byCheckType"),
      ),
    ),
    section(
      "Top reasons for waiting",
      "Checks that waited in the period because no consultant fitted, by the reason the " +
        "service recorded; below each, the check types concerned.",
      waitsChart(figures.waits),
    ),
  );
}

/** Preset periods, or any two days: the figures cover whole UTC days, both included. */
function periodPicker(range, onChange) {
  const picker = html("form", { class: "hc-periods form-inline" });
  PERIODS.forEach((period) => {
    const preset = periodRange(period.id);
    const active = preset.from === range.from && preset.to === range.to;
    const button = html(
      "button",
      {
        type: "button",
        class: `btn btn-default btn-sm${active ? " active" : ""}`,
        "data-period": period.id,
      },
      period.label,
    );
    button.addEventListener("click", () => onChange(preset));
    picker.appendChild(button);
  });
  const from = html("input", {
    type: "date",
    class: "form-control input-sm",
    name: "from",
    value: range.from,
    "aria-label": "From",
  });
  const to = html("input", {
    type: "date",
    class: "form-control input-sm",
    name: "to",
    value: range.to,
    "aria-label": "To",
  });
  picker.appendChild(
    html(
      "span",
      { class: "hc-range" },
      from,
      " to ",
      to,
      html("button", { type: "submit", class: "btn btn-default btn-sm" }, "Show"),
    ),
  );
  picker.addEventListener("submit", (event) => {
    event.preventDefault();
    if (from.value && to.value) {
      onChange({ from: from.value, to: to.value });
    }
  });
  return picker;
}

function periodRange(id) {
  const days = PERIODS.find((period) => period.id === id).days;
  const today = new Date();
  const first = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1)),
  );
  return { from: isoDay(first), to: isoDay(today) };
}

/** A period given in the address, as in #/health-checks?from=2026-11-01&to=2026-11-30. */
function periodInAddress() {
  const query = new URLSearchParams(window.location.hash.split("?")[1] || "");
  return query.get("from") && query.get("to")
    ? { from: query.get("from"), to: query.get("to") }
    : null;
}

function renderView(node, api) {
  const header = html("div", { class: "hc-header" });
  const body = html("div", { class: "hc-body" }, html("p", { class: "hc-muted" }, "Loading…"));
  node.appendChild(html("div", { class: "hc-view" }, header, body));

  const show = (range) => {
    header.replaceChildren(html("h2", {}, "Health checks"), periodPicker(range, show));
    load(api, range).then(
      (figures) => {
        body.replaceChildren(
          html(
            "p",
            { class: "hc-muted hc-period" },
            `${formatPeriod(figures.from, figures.to)}; ` +
              `figures as of ${formatMoment(figures.asOf)}.`,
          ),
          page(figures),
        );
      },
      (problem) =>
        body.replaceChildren(
          html("p", { class: "hc-problem", "data-problem": problem.status }, problem.message),
        ),
    );
  };
  show(periodInAddress() || periodRange("7d"));
}

function renderSummary(node, api) {
  load(api, periodRange("7d")).then(
    (figures) => {
      node.appendChild(
        html(
          "div",
          { class: "hc-summary" },
          html("h3", {}, "Health checks"),
          html(
            "p",
            {},
            figure("pending.total", figures.pending.total),
            " pending now (",
            figure("pending.overdue", figures.pending.overdue),
            " past due) · ",
            figure("assignments.total", figures.assignments.total),
            " assigned in the last 7 days · ",
            figure("breaches.breached", figures.breaches.breached),
            " missed their due time · ",
            html("a", { href: "#/health-checks" }, "Open the Health checks view"),
          ),
        ),
      );
    },
    () => {
      // only managers and admins see the figures; nobody else needs to hear of them here
    },
  );
}

function load(api, range) {
  const query = new URLSearchParams(range).toString();
  return fetch(`${api.cockpitApi}/plugin/health-checks/${api.engine}/figures?${query}`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  }).then((response) => {
    if (response.ok) {
      return response.json();
    }
    if (response.status === 403) {
      return Promise.reject({
        status: 403,
        message: "Only managers and admins may read the health-check figures.",
      });
    }
    // a period the service refused: its problem body says which field and why
    return response.json().then(
      (problem) =>
        Promise.reject({ status: response.status, message: problem.detail || problem.title }),
      () =>
        Promise.reject({
          status: response.status,
          message: `The figures could not be read (HTTP ${response.status}).`,
        }),
    );
  });
}

export default [
  {
    id: "health-checks-view",
    pluginPoint: "cockpit.route",
    properties: { path: "/health-checks" },
    render: (node, { api }) => renderView(node, api),
  },
  {
    id: "health-checks-navigation",
    pluginPoint: "cockpit.navigation",
    priority: 5,
    properties: { path: "/health-checks" },
    render: (node) => {
      node.appendChild(html("a", { href: "#/health-checks" }, "Health checks"));
    },
  },
  {
    id: "health-checks-summary",
    pluginPoint: "cockpit.dashboard",
    priority: 20,
    render: (node, { api }) => renderSummary(node, api),
  },
];
