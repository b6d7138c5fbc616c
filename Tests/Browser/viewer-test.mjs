// Drives the 360° viewer page in headless Chromium over the DevTools protocol (Node 20 with
// --experimental-websocket; no npm packages). Checks that the page loads, every frame of the
// spin loads, a mouse drag turns the product (another frame is shown), and no script error
// happens; keeps a screenshot before and after the drag.
//
// node --experimental-websocket viewer-test.mjs <devtools port> <viewer URL> <artefact folder>
import { writeFileSync } from "node:fs";

const [devtoolsPort, viewerURL, artefacts] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };

const target = await (await fetch(`http://127.0.0.1:${devtoolsPort}/json/new?about:blank`, { method: "PUT" })).json();
const socket = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
let nextID = 0;
const pending = new Map();
const errors = [];
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.id !== undefined && pending.has(message.id)) {
    const { resolve, reject } = pending.get(message.id);
    pending.delete(message.id);
    message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result);
  } else if (message.method === "Runtime.exceptionThrown") {
    errors.push(message.params.exceptionDetails.exception?.description ?? message.params.exceptionDetails.text);
  } else if (message.method === "Log.entryAdded" && message.params.entry.level === "error"
      && !(message.params.entry.url ?? "").endsWith("/favicon.ico")) {  // the browser's own guess
    errors.push(`${message.params.entry.text} ${message.params.entry.url ?? ""}`);
  }
};
const send = (method, params = {}) => new Promise((resolve, reject) => {
  const id = ++nextID;
  pending.set(id, { resolve, reject });
  socket.send(JSON.stringify({ id, method, params }));
});
const evaluate = async (expression) =>
  (await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true })).result.value;
const screenshot = async (name) => {
  const { data } = await send("Page.captureScreenshot", { format: "png" });
  writeFileSync(`${artefacts}/${name}`, Buffer.from(data, "base64"));
};
const state = () => evaluate(`(() => {
  const spin = document.querySelector("vitrine-spin");
  if (!spin || !spin.img) return null;
  return { frame: spin.frame, src: spin.img.getAttribute("src"), complete: spin.img.complete,
    width: spin.img.naturalWidth, loaded: spin.loadedCount, total: spin.total,
    progress: spin.bar ? !spin.bar.hidden : null, error: spin.errorBox && !spin.errorBox.hidden ? spin.errorBox.textContent : null,
    box: (() => { const r = spin.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; })() };
})()`);
const waitFor = async (what, predicate, seconds) => {
  const deadline = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < deadline) {
    last = await state();
    if (last && predicate(last)) return last;
    await sleep(100);
  }
  fail(`${what} within ${seconds} s; last state ${JSON.stringify(last)}`);
};

await send("Page.enable");
await send("Runtime.enable");
await send("Log.enable");
await send("Emulation.setDeviceMetricsOverride", { width: 900, height: 800, deviceScaleFactor: 1, mobile: false });
const started = Date.now();
await send("Page.navigate", { url: viewerURL });

const first = await waitFor("the first frame", (s) => s.src && s.complete && s.width > 0, 60);
console.log(`first frame after ${Date.now() - started} ms: ${first.src} (${first.width} px)`);
const all = await waitFor("every frame", (s) => s.total > 0 && s.loaded === s.total, 120);
console.log(`all ${all.total} frames after ${Date.now() - started} ms`);
if (all.error) fail(`the viewer shows an error: ${all.error}`);
await screenshot("viewer-before-drag.png");

// Drag a third of the element's width to the right, in small steps, like a hand would.
const y = all.box.y + all.box.h / 2;
const x0 = all.box.x + all.box.w / 2;
await send("Input.dispatchMouseEvent", { type: "mousePressed", x: x0, y, button: "left", buttons: 1, clickCount: 1 });
for (let step = 1; step <= 10; step++) {
  await send("Input.dispatchMouseEvent", { type: "mouseMoved", x: x0 + (step * all.box.w) / 30, y, button: "left", buttons: 1 });
  await sleep(16);
}
await send("Input.dispatchMouseEvent", { type: "mouseReleased", x: x0 + all.box.w / 3, y, button: "left", buttons: 0, clickCount: 1 });
const turned = await waitFor("a new frame after the drag", (s) => s.src !== first.src && s.complete && s.width > 0, 20);
console.log(`after the drag: frame ${turned.frame}, ${turned.src}`);
await screenshot("viewer-after-drag.png");

// The arrow key steps one frame.
await evaluate(`document.querySelector("vitrine-spin").focus()`);
await send("Input.dispatchKeyEvent", { type: "keyDown", key: "ArrowRight", code: "ArrowRight", windowsVirtualKeyCode: 39 });
await send("Input.dispatchKeyEvent", { type: "keyUp", key: "ArrowRight", code: "ArrowRight", windowsVirtualKeyCode: 39 });
const stepped = await waitFor("a step on ArrowRight", (s) => s.frame !== turned.frame, 10);
console.log(`after ArrowRight: frame ${stepped.frame}`);

if (errors.length) fail(`script or load errors: ${errors.join(" | ")}`);
console.log("PASS");
socket.close();
process.exit(0);
