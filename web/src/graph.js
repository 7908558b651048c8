// A force-directed drawing on a <canvas> (d3-force for the layout, d3-zoom for pan
// and zoom). Canvas, not SVG, so a few thousand nodes and links stay smooth: one
// path for all links when there are many, one arc per node, redrawn at most once per
// animation frame.
//
// Directed links end in an arrowhead at the target's rim, each direction of a pair
// drawn on its own side; a link's width is given by the caller (weight or flow).
// Labels never overlap: they are placed in order of ``labelRank`` (flow rank), the
// hovered node's first, and a label that would cover one already placed is left out
// (zoom in to see more). Group nodes (``group: [member ids]``) are drawn as a ring
// around their members, behind them, and take part in the links like any node.

import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import { select } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";

const FONT_PX = 11;
const LABEL_PAD = 2;

export function forceView(canvas, { onClick = null, describe = (n) => n.label ?? String(n.id), tooltip = null,
  collide = false } = {}) {
  const ctx = canvas.getContext("2d");
  let nodes = [];
  let links = [];
  let byId = new Map();
  let directed = false;
  let transform = zoomIdentity;
  let hovered = null;
  let frame = 0;
  let simulation = null;
  let width = 0;
  let height = 0;
  let userZoomed = false;
  let ticks = 0;
  let placed = []; // the labels drawn last: {id, text, x0, y0, x1, y1} in CSS pixels of the canvas

  const resize = () => {
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    width = Math.max(1, rect.width);
    height = Math.max(1, rect.height);
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    schedule();
  };

  const toScreen = (x, y) => [width / 2 + transform.x + x * transform.k, height / 2 + transform.y + y * transform.k];

  /** The radius a link ends at: a group's ring, else the node's disc. */
  const rim = (n) => (n.group ? groupRadius(n) : n.r);

  function groupRadius(g) {
    let r = g.r;
    for (const id of g.group) {
      const m = byId.get(id);
      if (m) r = Math.max(r, Math.hypot(m.x - g.x, m.y - g.y) + rim(m) + 4);
    }
    return r;
  }

  /** A group sits at the centre of its members (inner groups first) and keeps every node
   * that is not inside it out of its ring. */
  function groupForce() {
    let groups = [];
    const force = (alpha) => {
      for (const g of groups) {
        let [x, y, k] = [0, 0, 0];
        for (const id of g.group) {
          const m = byId.get(id);
          if (m) [x, y, k] = [x + m.x, y + m.y, k + 1];
        }
        if (k) [g.x, g.y, g.vx, g.vy] = [x / k, y / k, 0, 0];
      }
      for (const g of groups) {
        const R = groupRadius(g);
        for (const n of nodes) {
          if (n.group || g.inside.has(n.id)) continue;
          const dx = n.x - g.x;
          const dy = n.y - g.y;
          const d = Math.hypot(dx, dy) || 1e-6;
          const min = R + n.r + 4;
          if (d < min) {
            const k = ((min - d) / d) * alpha * 0.5;
            n.vx += dx * k;
            n.vy += dy * k;
          }
        }
      }
    };
    force.initialize = (all) => {
      groups = all.filter((n) => n.group);
      for (const g of groups) {
        g.inside = new Set();
        const stack = [...g.group];
        while (stack.length) {
          const id = stack.pop();
          g.inside.add(id);
          const m = byId.get(id);
          if (m?.group) stack.push(...m.group);
        }
      }
      groups.sort((a, b) => a.inside.size - b.inside.size); // inner groups first
    };
    return force;
  }

  function drawLink(l, many) {
    const s = l.source;
    const t = l.target;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy);
    if (len < 1e-9) return;
    const ux = dx / len;
    const uy = dy / len;
    const w = (l.width ?? 1) / Math.sqrt(transform.k);
    // each direction of a pair on its own side of the line between the centres
    const off = directed ? w / 2 + 1 / transform.k : 0;
    const ox = -uy * off;
    const oy = ux * off;
    const x0 = s.x + ux * rim(s) + ox;
    const y0 = s.y + uy * rim(s) + oy;
    const head = directed ? Math.min(len / 3, 4 / transform.k + 2.2 * w) : 0;
    const x1 = t.x - ux * rim(t) + ox;
    const y1 = t.y - uy * rim(t) + oy;
    if (many) {
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1 - ux * head, y1 - uy * head);
      return;
    }
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1 - ux * head * 0.9, y1 - uy * head * 0.9);
    ctx.strokeStyle = l.color ?? "rgba(90, 90, 110, 0.45)";
    ctx.lineWidth = w;
    ctx.stroke();
    if (directed) {
      const half = head * 0.55;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - ux * head - uy * half, y1 - uy * head + ux * half);
      ctx.lineTo(x1 - ux * head + uy * half, y1 - uy * head - ux * half);
      ctx.closePath();
      ctx.fillStyle = l.color ?? "rgba(70, 70, 90, 0.7)";
      ctx.fill();
    }
  }

  function placeLabels() {
    placed = [];
    if (nodes.length > 3000) return;
    ctx.font = `${FONT_PX}px system-ui, sans-serif`;
    const order = nodes.filter((n) => n.label && !n.group)
      .sort((a, b) => (a === hovered ? -1 : b === hovered ? 1 : (a.labelRank ?? 0) - (b.labelRank ?? 0)));
    for (const n of order) {
      const [sx, sy] = toScreen(n.x, n.y);
      const w = ctx.measureText(n.label).width;
      const box = { id: n.id, text: n.label, x0: sx - w / 2 - LABEL_PAD, x1: sx + w / 2 + LABEL_PAD,
        y1: sy - n.r * transform.k - 2, y0: sy - n.r * transform.k - 2 - FONT_PX - LABEL_PAD };
      if (box.x1 < 0 || box.x0 > width || box.y1 < 0 || box.y0 > height) continue;
      if (placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1)) continue;
      placed.push(box);
    }
  }

  const draw = () => {
    frame = 0;
    ctx.save();
    ctx.clearRect(0, 0, width, height);
    ctx.translate(width / 2 + transform.x, height / 2 + transform.y);
    ctx.scale(transform.k, transform.k);
    for (const g of nodes) {
      if (!g.group) continue;
      ctx.beginPath();
      ctx.arc(g.x, g.y, groupRadius(g), 0, 2 * Math.PI);
      ctx.fillStyle = g.fill ?? "rgba(120, 130, 150, 0.08)";
      ctx.fill();
      ctx.lineWidth = (g === hovered ? 2 : 1) / transform.k;
      ctx.strokeStyle = g.color;
      ctx.stroke();
    }
    const shown = links.filter((l) => !l.hidden);
    const many = shown.length > 2000;
    ctx.lineCap = "round";
    if (many) {
      ctx.beginPath();
      for (const l of shown) drawLink(l, true);
      ctx.strokeStyle = "rgba(90, 90, 110, 0.18)";
      ctx.lineWidth = 0.6 / transform.k;
      ctx.stroke();
    } else {
      for (const l of shown) drawLink(l, false);
    }
    for (const n of nodes) {
      if (n.group) continue;
      ctx.beginPath();
      ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
      ctx.fillStyle = n.color;
      ctx.fill();
      if (n === hovered || n.outline) {
        ctx.lineWidth = 2 / transform.k;
        ctx.strokeStyle = "#111";
        ctx.stroke();
      }
    }
    ctx.restore();
    placeLabels();
    ctx.save();
    ctx.font = `${FONT_PX}px system-ui, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    for (const p of placed) {
      const x = (p.x0 + p.x1) / 2;
      ctx.fillStyle = "rgba(255, 255, 255, 0.75)";
      ctx.fillRect(p.x0, p.y0, p.x1 - p.x0, p.y1 - p.y0);
      ctx.fillStyle = "#222";
      ctx.fillText(p.text, x, p.y1 - 1);
    }
    ctx.restore();
    canvas.dataset.labels = String(placed.length);
  };

  function fit() {
    if (!nodes.length) return;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of nodes) {
      const r = rim(n);
      x0 = Math.min(x0, n.x - r);
      y0 = Math.min(y0, n.y - r);
      x1 = Math.max(x1, n.x + r);
      y1 = Math.max(y1, n.y + r);
    }
    const k = Math.min(3, Math.max(0.05, Math.min(width / (x1 - x0 + 40), height / (y1 - y0 + 40))));
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    select(canvas).call(zoomer.transform, zoomIdentity.translate(-cx * k, -cy * k).scale(k));
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  const pointer = (event) => {
    const rect = canvas.getBoundingClientRect();
    const [x, y] = transform.invert([event.clientX - rect.left - width / 2, event.clientY - rect.top - height / 2]);
    let best = null;
    let bestD = Infinity;
    for (const n of nodes) {
      if (n.group) continue;
      const d = Math.hypot(n.x - x, n.y - y) - n.r;
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    if (best && bestD <= 6 / transform.k) return best;
    // inside a group's ring (the innermost one), but on none of its members
    let group = null;
    for (const g of nodes) {
      if (g.group && Math.hypot(g.x - x, g.y - y) <= groupRadius(g) && (!group || groupRadius(g) < groupRadius(group))) {
        group = g;
      }
    }
    return group;
  };

  const zoomer = zoom().scaleExtent([0.05, 20]).on("zoom", (event) => {
    transform = event.transform;
    if (event.sourceEvent) userZoomed = true;
    schedule();
  });
  select(canvas).call(zoomer).on("dblclick.zoom", null);

  canvas.addEventListener("mousemove", (event) => {
    const n = pointer(event);
    if (n !== hovered) {
      hovered = n;
      canvas.style.cursor = n && onClick ? "pointer" : "default";
      canvas.dataset.hovered = n ? String(n.id) : "";
      schedule();
    }
    if (tooltip) {
      if (n) {
        tooltip.textContent = describe(n);
        tooltip.style.left = `${event.offsetX + 14}px`;
        tooltip.style.top = `${event.offsetY + 10}px`;
        tooltip.hidden = false;
      } else {
        tooltip.hidden = true;
      }
    }
  });
  canvas.addEventListener("mouseleave", () => {
    hovered = null;
    canvas.dataset.hovered = "";
    if (tooltip) tooltip.hidden = true;
    schedule();
  });
  canvas.addEventListener("click", (event) => {
    const n = pointer(event);
    if (n && onClick) onClick(n);
  });
  new ResizeObserver(resize).observe(canvas);
  resize();

  return {
    /**
     * nodes: {id, r, color, label, labelRank, outline, group: [member ids] | undefined};
     * links: {source, target, width, color, strength, distance, hidden}; ``directed``: arrowheads;
     * ``separate``: keep the discs apart (as the view's ``collide``) for this drawing.
     */
    setData(newNodes, newLinks, { keepPositions = null, directed: isDirected = false, separate = collide } = {}) {
      simulation?.stop();
      const spread = 10 * Math.sqrt(newNodes.length + 1);
      for (const n of newNodes) {
        const old = keepPositions?.get(n.id);
        n.x ??= old?.x ?? (Math.random() - 0.5) * spread;
        n.y ??= old?.y ?? (Math.random() - 0.5) * spread;
      }
      nodes = newNodes;
      links = newLinks;
      byId = new Map(nodes.map((n) => [n.id, n]));
      directed = isDirected;
      hovered = null;
      canvas.dataset.nodes = String(nodes.filter((n) => !n.group).length);
      canvas.dataset.links = String(links.filter((l) => !l.hidden).length);
      canvas.dataset.directed = String(directed);
      const big = nodes.length > 1500;
      simulation = forceSimulation(nodes)
        .force("link", forceLink(links).id((d) => d.id).distance((l) => l.distance ?? 30)
          .strength((l) => l.strength ?? 0.5))
        .force("charge", forceManyBody().strength((n) => (n.group ? 0 : big ? -12 : -40)).theta(0.9)
          .distanceMax(big ? 200 : 600))
        .force("x", forceX().strength(0.04))
        .force("y", forceY().strength(0.04))
        .force("collide", separate ? forceCollide((n) => (n.group ? 0 : n.r + 2)).iterations(2) : null)
        .force("groups", nodes.some((n) => n.group) ? groupForce() : null)
        .alphaDecay(big ? 0.06 : 0.03)
        .on("tick", () => {
          ticks += 1;
          if (!userZoomed && ticks % 10 === 0) fit();
          schedule();
        })
        .on("end", () => {
          if (!userZoomed) fit();
          canvas.dataset.settled = "true";
        });
      canvas.dataset.settled = "false";
      ticks = 0;
      if (!keepPositions) {
        userZoomed = false;
        transform = zoomIdentity;
        select(canvas).call(zoomer.transform, zoomIdentity);
      }
      schedule();
    },
    positions() {
      return new Map(nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    },
    /** The labels drawn last, in canvas CSS pixels: [{id, text, x0, y0, x1, y1}]. */
    labels() {
      return placed.map((p) => ({ ...p }));
    },
    /** Where node ``id`` is drawn, in canvas CSS pixels (for pointing at it). */
    screenPosition(id) {
      const n = byId.get(id);
      return n ? toScreen(n.x, n.y) : null;
    },
    /** The links drawn: [{source, target, width}] by node id. */
    drawnLinks() {
      return links.filter((l) => !l.hidden).map((l) => ({ source: l.source.id ?? l.source, target: l.target.id ?? l.target,
        width: l.width, flow: l.flow, weight: l.weight }));
    },
    fit() {
      userZoomed = false;
      fit();
    },
    clear() {
      simulation?.stop();
      nodes = [];
      links = [];
      byId = new Map();
      schedule();
    },
  };
}
