// <vitrine-spin>: a 360° product spin from a Vitrine server, in one script tag.
//
//   <script type="module" src="https://render.example.com/embed.js"></script>
//   <vitrine-spin asset="chair" frames="36" size="512"></vitrine-spin>
//
// Attributes: asset (id), manifest (a turntable manifest URL, e.g. a signed one; overrides
// asset/frames/size), frames (views per turn, default 36), size (pixels, default 512),
// server (base URL, default: where this script came from).
// Drag or swipe to turn, arrow keys to step, + / - or the buttons or a pinch to zoom, Home to
// reset. Frames load lazily (first the visible one, the rest once the element is on screen)
// with a progress bar. Events: "vitrine-frame" (detail: {frame}), "vitrine-loaded".
const scriptOrigin = new URL(import.meta.url).origin;

const style = `
:host { display: inline-block; position: relative; width: var(--vitrine-size, 512px); max-width: 100%;
  aspect-ratio: 1; touch-action: none; user-select: none; -webkit-user-select: none; outline: none;
  cursor: grab; background: var(--vitrine-background, transparent); overflow: hidden; border-radius: 8px; }
:host(:focus-visible) { box-shadow: 0 0 0 3px #4a90d9; }
:host([dragging]) { cursor: grabbing; }
.stage { position: absolute; inset: 0; overflow: hidden; }
img { width: 100%; height: 100%; object-fit: contain; transform-origin: 50% 50%; pointer-events: none;
  -webkit-user-drag: none; transition: transform 0.12s ease-out; }
.bar { position: absolute; left: 10%; right: 10%; bottom: 10px; height: 4px; border-radius: 2px;
  background: rgba(0,0,0,0.12); transition: opacity 0.4s; }
.bar > div { height: 100%; width: 0; border-radius: 2px; background: #4a90d9; transition: width 0.15s; }
.hint { position: absolute; left: 50%; bottom: 22px; transform: translateX(-50%); font: 13px system-ui, sans-serif;
  color: #333; background: rgba(255,255,255,0.85); padding: 4px 10px; border-radius: 12px; pointer-events: none;
  transition: opacity 0.6s; white-space: nowrap; }
.zoom { position: absolute; right: 8px; top: 8px; display: flex; flex-direction: column; gap: 4px; }
.zoom button { width: 30px; height: 30px; border-radius: 15px; border: 1px solid #ccc; background: rgba(255,255,255,0.9);
  font: 18px system-ui, sans-serif; line-height: 1; cursor: pointer; }
.error { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; text-align: center;
  font: 14px system-ui, sans-serif; color: #a00; padding: 1em; }
[hidden] { display: none !important; }
`;

class VitrineSpin extends HTMLElement {
  static get observedAttributes() { return ["asset", "manifest", "frames", "size", "server"]; }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.shadowRoot.innerHTML = `<style>${style}</style>
      <div class="stage" part="stage"><img part="image" alt=""></div>
      <div class="bar" part="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"><div></div></div>
      <div class="hint" part="hint">⟷ drag to turn</div>
      <div class="zoom" part="zoom"><button type="button" aria-label="Zoom in">+</button>
        <button type="button" aria-label="Zoom out">−</button></div>
      <div class="error" hidden></div>`;
    this.img = this.shadowRoot.querySelector("img");
    this.bar = this.shadowRoot.querySelector(".bar");
    this.barFill = this.bar.firstElementChild;
    this.hint = this.shadowRoot.querySelector(".hint");
    this.errorBox = this.shadowRoot.querySelector(".error");
    this.urls = [];
    this.loaded = [];
    this.loadedCount = 0;
    this.frame = 0;
    this.row = 0;
    this.zoom = 1;
    this.pointers = new Map();
    this.generation = 0;
  }

  connectedCallback() {
    if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
    this.setAttribute("role", "img");
    this.addEventListener("pointerdown", this.onPointerDown);
    this.addEventListener("pointermove", this.onPointerMove);
    this.addEventListener("pointerup", this.onPointerUp);
    this.addEventListener("pointercancel", this.onPointerUp);
    this.addEventListener("keydown", this.onKey);
    this.addEventListener("wheel", this.onWheel, { passive: false });
    const [zoomIn, zoomOut] = this.shadowRoot.querySelectorAll(".zoom button");
    zoomIn.addEventListener("click", (e) => { e.stopPropagation(); this.setZoom(this.zoom * 1.25); });
    zoomOut.addEventListener("click", (e) => { e.stopPropagation(); this.setZoom(this.zoom / 1.25); });
    zoomIn.addEventListener("pointerdown", (e) => e.stopPropagation());
    zoomOut.addEventListener("pointerdown", (e) => e.stopPropagation());
    this.load();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.generation++;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === "size") this.style.setProperty("--vitrine-size", `${parseInt(newValue, 10) || 512}px`);
    if (this.isConnected && oldValue !== newValue) this.load();
  }

  get server() { return (this.getAttribute("server") || scriptOrigin).replace(/\/$/, ""); }

  manifestURL() {
    const explicit = this.getAttribute("manifest");
    if (explicit) return new URL(explicit, this.server + "/").toString();
    const asset = this.getAttribute("asset");
    if (!asset) return null;
    const frames = Math.max(1, Math.min(72, parseInt(this.getAttribute("frames"), 10) || 36));
    const size = Math.max(16, Math.min(2048, parseInt(this.getAttribute("size"), 10) || 512));
    const side = Math.min(2048, Math.round(size * Math.min(2, window.devicePixelRatio || 1)));
    return `${this.server}/v1/assets/${encodeURIComponent(asset)}/turntable?layout=json&frames=${frames}&w=${side}&h=${side}`;
  }

  async load() {
    const generation = ++this.generation;
    const url = this.manifestURL();
    if (!url) return;
    this.errorBox.hidden = true;
    try {
      const response = await fetch(url);
      if (!response.ok) {
        let message = `${response.status}`;
        try { message = (await response.json()).error.message; } catch (_) { /* not JSON */ }
        throw new Error(message);
      }
      const manifest = await response.json();
      if (generation !== this.generation) return;
      this.manifest = manifest;
      this.urls = manifest.urls.map((row) => row.map((u) => new URL(u, this.server + "/").toString()));
      this.loaded = this.urls.map((row) => row.map(() => false));
      this.loadedCount = 0;
      this.total = manifest.frames * manifest.rows;
      this.row = Math.floor((manifest.rows - 1) / 2);
      this.setAttribute("aria-label", `360° view of ${manifest.asset}; drag or use the arrow keys to turn`);
      this.show(0);
      this.observeVisibility(generation);
    } catch (error) {
      this.errorBox.textContent = `Could not load the 360° view: ${error.message}`;
      this.errorBox.hidden = false;
      this.bar.hidden = true;
    }
  }

  // Loads every frame once the element is on screen, nearest to the current one first.
  observeVisibility(generation) {
    this.observer?.disconnect();
    const start = () => this.preloadAll(generation);
    if (!("IntersectionObserver" in window)) { start(); return; }
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { this.observer.disconnect(); start(); }
    }, { rootMargin: "200px" });
    this.observer.observe(this);
  }

  async preloadAll(generation) {
    const frames = this.manifest.frames;
    const order = [];
    for (let step = 0; step < frames; step++) {
      const offset = step % 2 === 0 ? step / 2 : -(step + 1) / 2;
      order.push(((this.frame + offset) % frames + frames) % frames);
    }
    const jobs = [];
    for (let r = 0; r < this.urls.length; r++) for (const f of order) jobs.push([r, f]);
    const concurrency = 4;
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && generation === this.generation) {
        const [r, f] = jobs[next++];
        await this.fetchFrame(r, f);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (generation === this.generation) this.dispatchEvent(new CustomEvent("vitrine-loaded"));
  }

  fetchFrame(row, frame) {
    if (this.loaded[row][frame]) return Promise.resolve();
    return new Promise((resolve) => {
      const image = new Image();
      image.decoding = "async";
      image.onload = () => { this.markLoaded(row, frame); resolve(); };
      image.onerror = () => resolve();
      image.src = this.urls[row][frame];
    });
  }

  markLoaded(row, frame) {
    if (this.loaded[row][frame]) return;
    this.loaded[row][frame] = true;
    this.loadedCount++;
    const percent = Math.round((100 * this.loadedCount) / this.total);
    this.barFill.style.width = `${percent}%`;
    this.bar.setAttribute("aria-valuenow", String(percent));
    this.bar.hidden = false;
    this.bar.style.opacity = percent >= 100 ? "0" : "1";
  }

  show(frame) {
    if (!this.manifest) return;
    const frames = this.manifest.frames;
    this.frame = ((Math.round(frame) % frames) + frames) % frames;
    const url = this.urls[this.row][this.frame];
    if (this.img.getAttribute("src") !== url) {
      this.img.src = url;
      this.fetchFrame(this.row, this.frame);
    }
    this.dataset.frame = String(this.frame);
    this.dispatchEvent(new CustomEvent("vitrine-frame", { detail: { frame: this.frame, row: this.row } }));
  }

  setZoom(zoom) {
    this.zoom = Math.max(1, Math.min(4, zoom));
    this.img.style.transform = `scale(${this.zoom})`;
  }

  dismissHint() { this.hint.style.opacity = "0"; }

  onPointerDown = (event) => {
    this.setPointerCapture?.(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 1) {
      this.dragStartX = event.clientX;
      this.dragStartY = event.clientY;
      this.dragStartFrame = this.frame;
      this.dragStartRow = this.row;
      this.setAttribute("dragging", "");
    } else if (this.pointers.size === 2) {
      this.pinchStart = this.pinchDistance();
      this.pinchZoom = this.zoom;
    }
    this.dismissHint();
  };

  onPointerMove = (event) => {
    if (!this.pointers.has(event.pointerId)) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 2 && this.pinchStart) {
      this.setZoom((this.pinchZoom * this.pinchDistance()) / this.pinchStart);
      return;
    }
    if (!this.manifest) return;
    // One full drag across the element turns the product once.
    const width = this.getBoundingClientRect().width || 1;
    const dx = event.clientX - this.dragStartX;
    const framesPerPixel = this.manifest.frames / width;
    if (this.manifest.rows > 1) {
      const height = this.getBoundingClientRect().height || 1;
      const dy = event.clientY - this.dragStartY;
      const rows = this.manifest.rows;
      this.row = Math.max(0, Math.min(rows - 1, this.dragStartRow + Math.round((dy * rows) / height)));
    }
    this.show(this.dragStartFrame - dx * framesPerPixel);
  };

  onPointerUp = (event) => {
    this.pointers.delete(event.pointerId);
    if (this.pointers.size < 2) this.pinchStart = null;
    if (this.pointers.size === 0) this.removeAttribute("dragging");
  };

  pinchDistance() {
    const [a, b] = [...this.pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y) || 1;
  }

  onKey = (event) => {
    const actions = {
      ArrowLeft: () => this.show(this.frame - 1),
      ArrowRight: () => this.show(this.frame + 1),
      ArrowUp: () => { if (this.manifest && this.row > 0) { this.row--; this.show(this.frame); } },
      ArrowDown: () => { if (this.manifest && this.row < this.manifest.rows - 1) { this.row++; this.show(this.frame); } },
      "+": () => this.setZoom(this.zoom * 1.25),
      "=": () => this.setZoom(this.zoom * 1.25),
      "-": () => this.setZoom(this.zoom / 1.25),
      Home: () => { this.setZoom(1); this.show(0); },
    };
    const action = actions[event.key];
    if (action) { event.preventDefault(); this.dismissHint(); action(); }
  };

  onWheel = (event) => {
    if (!event.ctrlKey) return; // trackpad pinches arrive as ctrl+wheel; plain wheels scroll the page
    event.preventDefault();
    this.setZoom(this.zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1));
  };
}

if (!customElements.get("vitrine-spin")) customElements.define("vitrine-spin", VitrineSpin);
