// Drives the try-on page (GET /tryon) in headless Chromium over the DevTools protocol (Node 20
// with --experimental-websocket; no npm packages): the garments load, a photo is chosen, a
// garment is ticked, the keypoints it needs are placed by clicking on the photo (at the points
// of the photo's keypoints file), "Try on" shows the composed picture, and no script error
// happens; keeps a screenshot of the result.
//
// node --experimental-websocket tryon-test.mjs <devtools port> <page URL> <photo> <keypoints JSON> <artefact folder>
import { readFileSync, writeFileSync } from "node:fs";

const [devtoolsPort, pageURL, photo, keypointsFile, artefacts] = process.argv.slice(2);
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
      && !(message.params.entry.url ?? "").endsWith("/favicon.ico")) {
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
const waitFor = async (what, expression, seconds) => {
  const deadline = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < deadline) {
    last = await evaluate(expression);
    if (last) return last;
    await sleep(100);
  }
  fail(`${what} within ${seconds} s; status: ${await evaluate(`document.getElementById("status").textContent`)}`);
};

await send("Page.enable");
await send("Runtime.enable");
await send("Log.enable");
await send("Emulation.setDeviceMetricsOverride", { width: 1100, height: 900, deviceScaleFactor: 1, mobile: false });
await send("Page.navigate", { url: pageURL });
const count = await waitFor("the garments list", `document.querySelectorAll("#garments input").length`, 30);
console.log(`${count} garments listed`);

const { root } = await send("DOM.getDocument");
const { nodeId } = await send("DOM.querySelector", { nodeId: root.nodeId, selector: "#photo" });
await send("DOM.setFileInputFiles", { nodeId, files: [photo] });
await waitFor("the photo on the page", `!document.getElementById("stage").hidden && document.getElementById("picture").naturalWidth > 0`, 20);
await evaluate(`document.getElementById("g-tshirt-stripes").click()`);

// Click each needed point where the keypoints file has it.
const known = Object.fromEntries(JSON.parse(readFileSync(keypointsFile, "utf8")).keypoints.map((k) => [k.name, k]));
for (let i = 0; i < 8; i++) {
  const next = await evaluate(`missing()[0] || null`);
  if (!next) break;
  const file = known[next] ?? fail(`the keypoints file has no ${next}`);
  // A point below or beside the frame (a hip out of shot) is clicked at the photo's edge.
  const [width, height] = await evaluate(`[state.width, state.height]`);
  const point = { x: Math.min(Math.max(file.x, 1), width - 2), y: Math.min(Math.max(file.y, 1), height - 2) };
  // Scroll the point to the middle of the window, then click it.
  const at = await evaluate(`(() => {
    let r = document.getElementById("picture").getBoundingClientRect();
    window.scrollBy(0, r.top + ${point.y} * r.height / state.height - innerHeight / 2);
    r = document.getElementById("picture").getBoundingClientRect();
    return { x: r.left + ${point.x} * r.width / state.width, y: r.top + ${point.y} * r.height / state.height }; })()`);
  await send("Input.dispatchMouseEvent", { type: "mousePressed", x: at.x, y: at.y, button: "left", buttons: 1, clickCount: 1 });
  await send("Input.dispatchMouseEvent", { type: "mouseReleased", x: at.x, y: at.y, button: "left", buttons: 0, clickCount: 1 });
  console.log(`placed ${next} at (${point.x}, ${point.y})`);
}
if (!(await evaluate(`missing().length === 0 && !document.getElementById("go").disabled`))) {
  fail(`"Try on" is not ready: ${await evaluate(`document.getElementById("status").textContent`)}`);
}
await evaluate(`document.getElementById("go").click()`);
const size = await waitFor("the try-on result", `(() => { const img = document.querySelector("#result img");
  return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth + "x" + img.naturalHeight : null; })()`, 60);
const status = await evaluate(`document.getElementById("status").textContent`);
if (!status.startsWith("Done")) fail(`status after the try-on: ${status}`);
console.log(`result ${size}: ${status}`);
const { data } = await send("Page.captureScreenshot", { format: "png" });
writeFileSync(`${artefacts}/tryon-result.png`, Buffer.from(data, "base64"));

if (errors.length) fail(`script or load errors: ${errors.join(" | ")}`);
console.log("PASS");
socket.close();
process.exit(0);
