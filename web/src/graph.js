// A force-directed drawing on a <canvas> (d3-force for the layout, d3-zoom for pan
// and zoom). Canvas, not SVG, so a few thousand nodes and links stay smooth: one
// path for all links, one arc per node, redrawn at most once per animation frame.

import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import { select } from "d3-selection";
import { zoom, zoomIdentity } from "d3-zoom";

export function forceView(canvas, { onClick = null, describe = (n) => n.label ?? String(n.id), tooltip = null,
  collide = false } = {}) {
  const ctx = canvas.getContext("2d");
  let nodes = [];
  let links = [];
  let transform = zoomIdentity;
  let hovered = null;
  let frame = 0;
  let simulation = null;
  let width = 0;
  let height = 0;
  let userZoomed = false;
  let ticks = 0;

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

  const draw = () => {
    frame = 0;
    ctx.save();
    ctx.clearRect(0, 0, width, height);
    ctx.translate(width / 2 + transform.x, height / 2 + transform.y);
    ctx.scale(transform.k, transform.k);
    const many = links.length > 2000;
    ctx.lineCap = "round";
    if (many) {
      ctx.beginPath();
      for (const l of links) {
        ctx.moveTo(l.source.x, l.source.y);
        ctx.lineTo(l.target.x, l.target.y);
      }
      ctx.strokeStyle = "rgba(90, 90, 110, 0.18)";
      ctx.lineWidth = 0.6 / transform.k;
      ctx.stroke();
    } else {
      for (const l of links) {
        ctx.beginPath();
        ctx.moveTo(l.source.x, l.source.y);
        ctx.lineTo(l.target.x, l.target.y);
        ctx.strokeStyle = l.color ?? "rgba(90, 90, 110, 0.35)";
        ctx.lineWidth = (l.width ?? 1) / Math.sqrt(transform.k);
        ctx.stroke();
      }
    }
    for (const n of nodes) {
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
    if (nodes.length <= 300) {
      ctx.fillStyle = "#222";
      ctx.font = `${11 / transform.k}px system-ui, sans-serif`;
      ctx.textAlign = "center";
      for (const n of nodes) if (n.showLabel) ctx.fillText(n.label, n.x, n.y - n.r - 3 / transform.k);
    }
    ctx.restore();
  };

  function fit() {
    if (!nodes.length) return;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of nodes) {
      x0 = Math.min(x0, n.x - n.r);
      y0 = Math.min(y0, n.y - n.r);
      x1 = Math.max(x1, n.x + n.r);
      y1 = Math.max(y1, n.y + n.r);
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
      const d = Math.hypot(n.x - x, n.y - y) - n.r;
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return bestD <= 6 / transform.k ? best : null;
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
    /** nodes: {id, r, color, label, showLabel}; links: {source, target, width, color, strength}. */
    setData(newNodes, newLinks, { keepPositions = null } = {}) {
      simulation?.stop();
      const spread = 10 * Math.sqrt(newNodes.length + 1);
      for (const n of newNodes) {
        const old = keepPositions?.get(n.id);
        n.x ??= old?.x ?? (Math.random() - 0.5) * spread;
        n.y ??= old?.y ?? (Math.random() - 0.5) * spread;
      }
      nodes = newNodes;
      links = newLinks;
      hovered = null;
      canvas.dataset.nodes = String(nodes.length);
      canvas.dataset.links = String(links.length);
      const big = nodes.length > 1500;
      simulation = forceSimulation(nodes)
        .force("link", forceLink(links).id((d) => d.id).distance((l) => l.distance ?? 30)
          .strength((l) => l.strength ?? 0.5))
        .force("charge", forceManyBody().strength(big ? -12 : -40).theta(0.9).distanceMax(big ? 200 : 600))
        .force("x", forceX().strength(0.04))
        .force("y", forceY().strength(0.04))
        .force("collide", collide ? forceCollide((n) => n.r + 2).iterations(2) : null)
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
    fit() {
      userZoomed = false;
      fit();
    },
    clear() {
      simulation?.stop();
      nodes = [];
      links = [];
      schedule();
    },
  };
}
