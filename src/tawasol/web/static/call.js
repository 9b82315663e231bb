// A voice call from the browser over the media-stream WebSocket (/api/v1/voice/stream): the microphone is
// sent as 20 ms frames of 8 kHz mu-law, the answers are played as they come; `clear` stops them (barge-in);
// each `mark` is echoed when the audio before it has played, as a telephone provider does.
"use strict";
(function () {
  const params = new URLSearchParams(location.search);
  const tenant = params.get("tenant") || "atlas-telecom";
  const $ = (id) => document.getElementById(id);
  const stats = $("stats");
  let ws = null, ctx = null, source = null, processor = null, stream = null, playAt = 0, playing = [];
  let pending = new Uint8Array(0);

  function status(state, text) { $("status").dataset.state = state; $("status").textContent = text; }
  function bump(name, by) { stats.dataset[name] = String(Number(stats.dataset[name]) + (by || 1)); }

  // G.711 mu-law, as the server's tawasol.voice.audio
  function encode(sample) {
    let v = Math.max(-32768, Math.min(32767, Math.round(sample * 32767))) >> 2;
    const mask = v < 0 ? 0x7f : 0xff;
    v = Math.min(Math.abs(v), 8159) + 0x21;
    const seg = Math.floor(Math.log2(v)) - 5;
    const code = seg > 7 ? 0x7f : (Math.max(seg, 0) << 4) | ((v >> (Math.max(seg, 0) + 1)) & 0x0f);
    return code ^ mask;
  }
  function decode(byte) {
    const u = ~byte & 0xff, exp = (u >> 4) & 7, mag = ((((u & 0x0f) << 3) + 0x84) << exp) - 0x84;
    return (u & 0x80 ? -mag : mag) / 32768;
  }
  function b64(bytes) { let s = ""; for (const b of bytes) s += String.fromCharCode(b); return btoa(s); }
  function unb64(text) { const s = atob(text); const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i); return out; }

  function send(obj) { if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(obj)); }

  function onAudio(event) {  // the context runs at 8 kHz: one mu-law byte a sample
    const input = event.inputBuffer.getChannelData(0);
    const bytes = new Uint8Array(pending.length + input.length);
    bytes.set(pending);
    for (let i = 0; i < input.length; i++) bytes[pending.length + i] = encode(input[i]);
    let at = 0;
    for (; at + 160 <= bytes.length; at += 160) {
      send({event: "media", streamSid: "browser", media: {track: "inbound", payload: b64(bytes.subarray(at, at + 160))}});
    }
    pending = bytes.slice(at);
  }

  function play(payload) {
    const bytes = unb64(payload);
    const buffer = ctx.createBuffer(1, bytes.length, 8000);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < bytes.length; i++) data[i] = decode(bytes[i]);
    const node = ctx.createBufferSource();
    node.buffer = buffer;
    node.connect(ctx.destination);
    playAt = Math.max(playAt, ctx.currentTime);
    node.start(playAt);
    playAt += buffer.duration;
    playing.push(node);
    node.onended = () => { playing = playing.filter((n) => n !== node); };
    bump("bytes", bytes.length);
    status("answer", "L'assistant parle…");
  }

  function onFrame(frame) {
    if (frame.event === "media") play(frame.media.payload);
    else if (frame.event === "clear") {
      for (const n of playing) { try { n.stop(); } catch (e) { /* already ended */ } }
      playing = []; playAt = ctx.currentTime; bump("clears");
      status("listening", "Je vous écoute…");
    } else if (frame.event === "mark") {
      const wait = Math.max(0, playAt - ctx.currentTime) * 1000;
      setTimeout(() => { send({event: "mark", streamSid: frame.streamSid, mark: frame.mark}); bump("answers");
        status("listening", "Je vous écoute…"); }, wait);
    }
  }

  async function call() {
    $("call").disabled = true;
    status("connecting", "Connexion…");
    try {
      stream = await navigator.mediaDevices.getUserMedia({audio: {channelCount: 1, echoCancellation: true}});
    } catch (e) {
      status("error", "Micro refusé ou absent : " + e.message); $("call").disabled = false; return;
    }
    ctx = new AudioContext({sampleRate: 8000});
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    ws = new WebSocket(`${scheme}://${location.host}/api/v1/voice/stream?tenant=${encodeURIComponent(tenant)}`);
    ws.onopen = () => {
      const language = $("language").value;
      const sid = "browser-" + Math.random().toString(36).slice(2, 12);
      send({event: "connected", protocol: "Call", version: "1.0.0"});
      send({event: "start", streamSid: sid, start: {streamSid: sid, tracks: ["inbound"],
        customParameters: language ? {language: language, channel: "browser"} : {channel: "browser"},
        mediaFormat: {encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1}}});
      source = ctx.createMediaStreamSource(stream);
      processor = ctx.createScriptProcessor(1024, 1, 1);
      processor.onaudioprocess = onAudio;
      source.connect(processor);
      processor.connect(ctx.destination);
      $("hangup").disabled = false;
      status("listening", "Je vous écoute…");
    };
    ws.onmessage = (event) => onFrame(JSON.parse(event.data));
    ws.onclose = (event) => { stop(); if (event.code !== 1000 && event.code !== 1005) {
      status("error", event.reason || "Appel interrompu (" + event.code + ")"); } };
  }

  function stop() {
    if (processor) processor.disconnect();
    if (source) source.disconnect();
    if (stream) stream.getTracks().forEach((t) => t.stop());
    processor = source = stream = null;
    $("call").disabled = false; $("hangup").disabled = true;
    if ($("status").dataset.state !== "error") status("ended", "Appel terminé");
  }

  function hangUp() { send({event: "stop", streamSid: "browser"}); if (ws) ws.close(1000); stop(); }

  $("call").addEventListener("click", call);
  $("hangup").addEventListener("click", hangUp);
})();
