/*
 * Inbox website chat widget.
 * Embed: <script src="https://inbox.example.com/widget.js" async data-title="Acme Support" data-site="acme"></script>
 * Plain ES2020, no dependencies. Everything lives inside this closure; the only global is window.InboxWidget.
 */
(() => {
  'use strict';
  if (window.InboxWidget) return; // embedded twice: the first copy wins

  // document.currentScript is only set while this file first runs (async included), so read it now.
  const script = document.currentScript || [...document.scripts].find(s => /\/widget\.js([?#]|$)/.test(s.src));
  if (!script || !script.src) return;
  const ORIGIN = new URL(script.src, location.href).origin;
  const TITLE = script.dataset.title || 'Chat with us';
  const SITE = script.dataset.site || null;
  const TOKEN_KEY = 'inbox.visitorToken';
  const FIELDS = ['name', 'email', 'phone'];

  // ---------- token storage (localStorage can throw in sandboxed frames / strict privacy modes) ----------
  let memoryToken = null;
  const getToken = () => { try { return localStorage.getItem(TOKEN_KEY); } catch { return memoryToken; } };
  const setToken = value => {
    memoryToken = value;
    try { value ? localStorage.setItem(TOKEN_KEY, value) : localStorage.removeItem(TOKEN_KEY); } catch { /* memory only */ }
  };

  // ---------- HTTP ----------
  class ApiError extends Error {
    constructor(status, problem, retryAfter) {
      super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
      this.status = status; this.problem = problem; this.retryAfter = retryAfter;
    }
  }

  async function request(method, path, body, token) {
    const headers = { Accept: 'application/json' };
    const isForm = body instanceof FormData; // a file upload: the browser sets the multipart boundary itself
    if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = 'Bearer ' + token;
    let res;
    try {
      res = await fetch(ORIGIN + path, { method, headers, body: body === undefined ? undefined : isForm ? body : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, null, null); // network down, CORS refused, …
    }
    if (!res.ok) {
      const problem = await res.json().catch(() => null);
      throw new ApiError(res.status, problem, res.headers.get('Retry-After'));
    }
    return res.status === 204 ? null : res.json();
  }

  // Authenticated call; on 401 the token is dropped, a new session made and the call retried once.
  async function api(method, path, body) {
    const token = await session();
    try {
      return await request(method, path, body, token);
    } catch (err) {
      if (err.status !== 401) throw err;
      if (getToken() === token) setToken(null); // a parallel call may already have renewed it
      return request(method, path, body, await session());
    }
  }

  let sessionPromise = null;
  function session() {
    const token = getToken();
    if (token) return Promise.resolve(token);
    // Several calls may need a session at once: share one POST.
    sessionPromise = sessionPromise || createSession().finally(() => { sessionPromise = null; });
    return sessionPromise;
  }

  async function createSession() {
    const body = { site: SITE };
    const hints = await clientHints();
    if (hints) body.clientHints = hints;
    const res = await request('POST', '/widget/api/session', body, null);
    setToken(res.visitorToken);
    if (stream) connectLive(); // the open stream was authorised with the old token
    return res.visitorToken;
  }

  // User-Agent Client Hints, serialised the way the Sec-CH-UA-* headers carry them (structured fields).
  const sfString = s => '"' + String(s).replace(/[\\"]/g, '\\$&') + '"';
  const sfBrands = list => Array.isArray(list) ? list.map(b => `${sfString(b.brand)};v=${sfString(b.version)}`).join(', ') : null;
  async function clientHints() {
    const ua = navigator.userAgentData;
    if (!ua) return null;
    let high = {};
    try { high = await ua.getHighEntropyValues(['platformVersion', 'model', 'fullVersionList']); } catch { /* refused: send what we have */ }
    const opt = v => typeof v === 'string' ? sfString(v) : null;
    return {
      brands: sfBrands(ua.brands), fullVersionList: sfBrands(high.fullVersionList), mobile: ua.mobile ? '?1' : '?0',
      platform: opt(ua.platform), platformVersion: opt(high.platformVersion), model: opt(high.model),
    };
  }

  // ---------- live events (Server-Sent Events; never poll) ----------
  let stream = null, streamOpened = Promise.resolve(), lastRenewal = 0, retryDelay = 5000;

  function connectLive() {
    if (stream) stream.close();
    const token = getToken();
    if (!token) { stream = null; return (streamOpened = Promise.resolve()); }
    const source = stream = new EventSource(ORIGIN + '/widget/api/events?access_token=' + encodeURIComponent(token));
    // Resolve on open (or give up waiting) so history is fetched only once the stream can catch what follows.
    streamOpened = new Promise(resolve => { source.addEventListener('open', resolve, { once: true }); setTimeout(resolve, 3000); });
    source.addEventListener('open', () => { retryDelay = 5000; });
    source.addEventListener('message', e => { const m = parse(e.data); if (m) addMessages([m], true); });
    source.addEventListener('conversation', e => { const c = parse(e.data); if (c) upsertConversation(c); });
    source.addEventListener('message-changed', e => { const m = parse(e.data); if (m) changeMessage(m); });
    source.addEventListener('error', e => {
      // The same event name carries both the server's "event: error" (has data) and connection failures (no data).
      const data = typeof e.data === 'string' ? parse(e.data) : null;
      if (data && data.status === 401) { source.close(); renewLive(token); }
      else if (source.readyState === EventSource.CLOSED) recoverLive(source); // browser gave up (HTTP error status)
      // otherwise EventSource reconnects by itself and resends Last-Event-ID
    });
    return streamOpened;
  }

  async function renewLive(oldToken) {
    stream = null; // so createSession doesn't reconnect too
    if (getToken() === oldToken) setToken(null);
    // A server that rejects even fresh tokens must not make us spin.
    if (Date.now() - lastRenewal < 30000) await sleep(30000);
    lastRenewal = Date.now();
    try { await session(); } catch { return; }
    await connectLive();
    refreshView(); // a new stream has no Last-Event-ID: reload what may have been missed
  }

  // The stream is closed for good (e.g. plain HTTP 401/5xx). Check the token with a normal call (which renews it
  // on 401), then reconnect with a growing delay.
  function recoverLive(source) {
    setTimeout(async () => {
      if (stream !== source) return;
      try { await api('GET', '/widget/api/conversations'); } catch { /* still failing: try again later */ }
      if (stream !== source) { refreshView(); return; } // the call renewed the session and reconnected
      retryDelay = Math.min(retryDelay * 2, 60000);
      await connectLive();
      refreshView();
    }, retryDelay);
  }

  function ensureLive() { return stream ? streamOpened : connectLive(); }

  // ---------- state ----------
  let conversations = null; // newest activity first; null until loaded
  const store = new Map();  // conversationId -> Map(messageId -> message), filled by GET and SSE alike
  let panelOpen = false, view = 'list', currentId = null, started = null;
  let pending = null, sending = false, profileLoaded = false;
  const ui = {};

  const parse = text => { try { return JSON.parse(text); } catch { return null; } };
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const enc = encodeURIComponent;
  const time = iso => Date.parse(iso) || 0;
  const direction = m => String(m.direction || 'system').toLowerCase();
  const isClosed = c => c && /^(closed|spam)$/i.test(c.status);
  const findConversation = id => (conversations || []).find(c => c.id === id);
  const sortConversations = () => conversations && conversations.sort((a, b) => time(b.lastActivityAt) - time(a.lastActivityAt));
  const byTime = (a, b) => (time(a.createdAt) - time(b.createdAt)) || (Number(a.id) - Number(b.id));

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    // randomUUID needs a secure context; on plain http build a version-4 id by hand.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
  }

  // ---------- data flow ----------
  async function loadConversations() {
    const res = await api('GET', '/widget/api/conversations');
    conversations = (res && res.items) || [];
    sortConversations();
    renderList();
    if (view === 'chat') updateChatHeader();
  }

  async function loadMessages(id) {
    try {
      const res = await api('GET', `/widget/api/conversations/${enc(id)}/messages`);
      addMessages((res && res.items) || [], false);
    } catch (err) {
      if (view === 'chat' && currentId === id) showError(err);
    }
  }

  // Merge messages from any source; a message seen twice (GET + SSE, or POST reply + SSE) is kept once by id.
  function addMessages(list, fresh) {
    for (const m of list) {
      if (!m || m.id == null || m.conversationId == null) continue;
      let msgs = store.get(m.conversationId);
      if (!msgs) store.set(m.conversationId, (msgs = new Map()));
      const key = String(m.id);
      if (msgs.has(key)) continue;
      msgs.set(key, m);
      if (view === 'chat' && currentId === m.conversationId) renderMessage(m);
      if (fresh) {
        touchConversation(m);
        if (!panelOpen && direction(m) !== 'customer') ui.badge.hidden = false;
      }
    }
  }

  // An operator edited or deleted a reply: replace what is stored and what is shown, in place.
  function changeMessage(m) {
    const msgs = store.get(m.conversationId);
    if (!msgs || !msgs.has(String(m.id))) return; // not loaded yet: the history will bring the current text
    msgs.set(String(m.id), m);
    const shown = [...ui.messages.children].find(el => el.msg && String(el.msg.id) === String(m.id));
    if (shown) { const fresh = messageElement(m); shown.replaceWith(fresh); }
  }

  function touchConversation(m) {
    const c = findConversation(m.conversationId);
    if (!c) { if (conversations) loadConversations().catch(() => {}); return; } // started elsewhere (another tab)
    if (time(m.createdAt) < time(c.lastActivityAt)) return;
    c.preview = m.text; c.lastActivityAt = m.createdAt;
    sortConversations(); renderList();
  }

  function upsertConversation(c) {
    if (!c || c.id == null) return;
    conversations = conversations || [];
    const i = conversations.findIndex(x => x.id === c.id);
    if (i >= 0) conversations[i] = Object.assign({}, conversations[i], c); else conversations.push(c);
    sortConversations(); renderList();
    if (c.id === currentId) updateChatHeader();
  }

  // First open: session, live stream, then history (the stream is up first so nothing falls in between).
  function start() {
    started = started || (async () => {
      try {
        await session();
        await ensureLive();
        await loadConversations();
        if (conversations.length === 0) showChat(null); else showList();
      } catch (err) {
        started = null; // let the next open try again
        showList(); showError(err);
      }
    })();
    return started;
  }

  function refreshView() {
    if (!conversations) return; // nothing shown yet; first open loads everything
    loadConversations().then(() => { if (view === 'chat' && currentId != null) loadMessages(currentId); }).catch(() => {});
  }

  async function send() {
    const text = ui.input.value.trim();
    if (!text || sending) return;
    // A visitor quicker than the first load would otherwise be sent back to the composer when it finishes.
    if (started) await started;
    const convId = currentId;
    // Same text to the same chat after a failure = same clientMessageId, so the server can drop a double send.
    const key = (convId == null ? '' : convId) + '\n' + text;
    if (!pending || pending.key !== key) pending = { key, id: uuid() };
    const body = { text, clientMessageId: pending.id };
    sending = true; ui.send.disabled = true; clearError();
    try {
      let message, created = null;
      if (convId != null) {
        message = await api('POST', `/widget/api/conversations/${enc(convId)}/messages`, body);
      } else {
        // The site tells operators (and later routing) which website the chat started on.
        const res = await api('POST', '/widget/api/conversations', { ...body, site: SITE });
        created = res.conversation; message = res.message;
        upsertConversation(created);
      }
      pending = null;
      if (ui.input.value.trim() === text) ui.input.value = '';
      addMessages([message], true);
      // Still on the new-chat composer: turn it into that chat (this also fetches any automatic reply).
      if (created && view === 'chat' && currentId == null) showChat(created.id);
    } catch (err) {
      showError(err); // typed text stays in the box
    } finally {
      sending = false; ui.send.disabled = false;
    }
  }

  // A file goes into the open chat (a new chat starts with the typed text, or the file's name).
  async function sendFile(file) {
    if (!file || sending) return;
    if (started) await started;
    sending = true; ui.send.disabled = true; clearError();
    try {
      let convId = currentId;
      if (convId == null) {
        const text = ui.input.value.trim() || '📎 ' + file.name;
        const res = await api('POST', '/widget/api/conversations', { text, clientMessageId: uuid(), site: SITE });
        upsertConversation(res.conversation); addMessages([res.message], true);
        if (ui.input.value.trim() === text) ui.input.value = '';
        convId = res.conversation.id;
        if (view === 'chat' && currentId == null) showChat(convId);
      }
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('clientMessageId', uuid());
      addMessages([await api('POST', `/widget/api/conversations/${enc(convId)}/files`, form)], true);
    } catch (err) {
      showError(err);
    } finally {
      sending = false; ui.send.disabled = false; ui.file.value = '';
    }
  }

  async function loadProfile() {
    if (profileLoaded) return;
    profileLoaded = true;
    try { fillProfile(await api('GET', '/widget/api/profile'), false); } catch { profileLoaded = false; }
  }

  function fillProfile(p, overwrite) {
    for (const f of FIELDS) if (overwrite || !ui.fields[f].value) ui.fields[f].value = (p && p[f]) || '';
  }

  async function saveProfile(e) {
    e.preventDefault();
    for (const f of FIELDS) showFieldError(f, null);
    ui.profileStatus.textContent = '';
    const body = {};
    for (const f of FIELDS) body[f] = ui.fields[f].value.trim() || null; // empty = not given
    ui.profileSave.disabled = true;
    try {
      fillProfile(await api('PUT', '/widget/api/profile', body), true); // shows the normalised phone
      ui.profileStatus.textContent = 'Saved';
    } catch (err) {
      let shown = false;
      const errors = err.status === 400 && err.problem && err.problem.errors;
      for (const [k, msgs] of Object.entries(errors || {})) {
        const f = k.replace(/^\$\./, '').toLowerCase(); // accept "phone", "Phone" or "$.phone"
        if (FIELDS.includes(f)) { showFieldError(f, [].concat(msgs).join(' ')); shown = true; }
      }
      if (!shown) ui.profileStatus.textContent = describe(err);
    } finally {
      ui.profileSave.disabled = false;
    }
  }

  // ---------- rendering ----------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (v != null) el.setAttribute(k, v);
    }
    el.append(...children.filter(c => c != null)); // strings become text nodes, never markup
    return el;
  }

  function fmtTime(iso, withDate) {
    const d = new Date(iso);
    if (isNaN(d)) return '';
    const sameDay = d.toDateString() === new Date().toDateString();
    return withDate && !sameDay ? d.toLocaleDateString([], { month: 'short', day: 'numeric' })
      : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function renderList() {
    if (!ui.chats) return;
    const items = conversations || [];
    ui.chats.replaceChildren(...items.map(c => h('li', null,
      h('button', { type: 'button', class: 'row', 'data-testid': 'inbox-chat-row', 'data-conversation-id': c.id, onclick: () => showChat(c.id) },
        h('span', { class: 'num' }, '#' + c.number),
        h('span', { class: 'status' + (isClosed(c) ? ' closed' : '') }, isClosed(c) ? 'Closed' : 'Open'),
        h('span', { class: 'time' }, fmtTime(c.lastActivityAt, true)),
        h('span', { class: 'preview' }, c.preview || '')))));
    ui.empty.hidden = items.length > 0;
  }

  // The author (and the initials standing in for a picture) are drawn by CSS from attributes, so the element's text is exactly the message text.
  function messageElement(m) {
    const d = direction(m);
    const el = h('li', { class: 'msg ' + d + (m.deleted ? ' deleted' : ''), 'data-testid': 'inbox-message', 'data-direction': d,
      'data-message-id': String(m.id), 'data-author': d === 'operator' && m.authorName ? m.authorName : null,
      'data-edited': m.editedAt && !m.deleted ? 'true' : null, 'data-deleted': m.deleted ? 'true' : null, title: fmtTime(m.createdAt, true) },
      d === 'operator' && m.authorName ? avatar(m) : null,
      m.deleted ? 'This message was deleted.' : (m.text || ''), ...(m.deleted ? [] : (m.attachments || []).map(attachmentLink)));
    el.msg = m;
    return el;
  }

  function renderMessage(m) {
    const d = direction(m);
    const el = messageElement(m);
    const box = ui.chatView;
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
    const next = [...ui.messages.children].find(c => byTime(c.msg, m) > 0); // keep time order whatever arrives first
    ui.messages.insertBefore(el, next || null);
    if (atBottom || d === 'customer') box.scrollTop = box.scrollHeight;
  }

  // The operator's picture when the reply carries one (https only), else the sender's initials.
  function avatar(m) {
    let url = null;
    try { url = m.authorAvatarUrl ? new URL(m.authorAvatarUrl) : null; } catch { /* not a URL: initials */ }
    if (url && url.protocol === 'https:') return h('img', { class: 'avatar', 'data-testid': 'inbox-avatar', src: url.href, alt: '' });
    const initials = m.authorName.split(/\s+/).filter(Boolean).slice(0, 2).map(w => [...w][0].toUpperCase()).join('');
    return h('span', { class: 'avatar', 'data-testid': 'inbox-avatar', 'data-initials': initials, 'aria-hidden': 'true' });
  }

  function attachmentLink(a) {
    let url = null;
    try { url = new URL(a.url, ORIGIN); } catch { /* bad URL: show the name only */ }
    const safe = url && /^https?:$/.test(url.protocol); // never a javascript: link
    const attrs = safe ? { class: 'file', href: url.href, target: '_blank', rel: 'noopener noreferrer' } : { class: 'file' };
    return h(safe ? 'a' : 'span', attrs, a.name || 'attachment');
  }

  function updateChatHeader() {
    const c = findConversation(currentId);
    ui.sub.textContent = currentId == null ? 'New chat' : c ? `Chat #${c.number}` : '';
    ui.closedNote.hidden = !isClosed(c);
    ui.intro.hidden = currentId != null;
  }

  function setView(name) {
    view = name;
    const chat = name === 'chat';
    ui.listView.hidden = chat;
    for (const el of [ui.chatView, ui.composer, ui.profile, ui.back, ui.sub]) el.hidden = !chat;
    clearError();
  }

  function showList() {
    currentId = null;
    setView('list');
    renderList();
    if (panelOpen) ui.newChat.focus();
  }

  function showChat(id) {
    currentId = id;
    setView('chat');
    updateChatHeader();
    ui.messages.replaceChildren();
    if (id != null) {
      [...(store.get(id) || new Map()).values()].sort(byTime).forEach(renderMessage);
      loadMessages(id);
    }
    ui.chatView.scrollTop = ui.chatView.scrollHeight;
    loadProfile();
    if (panelOpen) ui.input.focus();
  }

  function describe(err) {
    const p = (err && err.problem) || {};
    switch (err && err.status) {
      case 0: return "We couldn't reach the server. Check your connection and try again.";
      case 413: return p.detail || 'Your message is too long. Please shorten it and try again.';
      case 429: {
        const s = retrySeconds(err.retryAfter);
        return `You're sending messages too quickly. Please wait ${s ? s + (s === 1 ? ' second' : ' seconds') : 'a moment'} and try again.`;
      }
      default: return p.detail || p.title || 'Something went wrong. Please try again.';
    }
  }

  function retrySeconds(v) {
    if (v == null || v === '') return null;
    const n = Number(v);
    const s = Number.isFinite(n) ? n : (Date.parse(v) - Date.now()) / 1000; // seconds or an HTTP date
    return Number.isFinite(s) ? Math.max(1, Math.ceil(s)) : null;
  }

  function showError(err) { ui.error.textContent = describe(err); ui.error.hidden = false; }
  function clearError() { ui.error.textContent = ''; ui.error.hidden = true; }

  function showFieldError(field, text) {
    const el = ui.fieldErrors[field];
    el.textContent = text || '';
    el.hidden = !text;
    if (text) ui.fields[field].setAttribute('aria-invalid', 'true'); else ui.fields[field].removeAttribute('aria-invalid');
  }

  // ---------- open / close ----------
  function doOpen() {
    if (panelOpen) return;
    panelOpen = true;
    ui.wrap.classList.add('open');
    ui.panel.hidden = false;
    ui.badge.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'true');
    ui.launcher.setAttribute('aria-label', 'Close chat');
    if (!conversations) start(); else (view === 'chat' ? ui.input : ui.newChat).focus();
  }

  function doClose() {
    if (!panelOpen) return;
    const hadFocus = ui.root.activeElement && ui.panel.contains(ui.root.activeElement);
    panelOpen = false;
    ui.wrap.classList.remove('open');
    ui.panel.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcher.setAttribute('aria-label', 'Open chat');
    if (hadFocus) ui.launcher.focus();
  }

  // Static markup only (no data); everything dynamic is set through textContent or h().
  const MARKUP = `
<div class="w">
  <button class="launcher" type="button" data-testid="inbox-launcher" aria-label="Open chat" aria-expanded="false" aria-controls="panel">
    <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"/></svg>
    <span class="badge" hidden></span>
  </button>
  <section class="panel" id="panel" role="dialog" aria-labelledby="title" data-testid="inbox-panel" hidden>
    <header>
      <button class="icon" type="button" data-ref="back" data-testid="inbox-back" aria-label="Back to your chats" hidden>&#8592;</button>
      <div class="titles"><h2 id="title" data-ref="title"></h2><span class="sub" data-ref="sub" hidden></span></div>
      <button class="icon" type="button" data-ref="close" aria-label="Close chat">&#215;</button>
    </header>
    <div class="view" data-ref="listView">
      <button class="primary wide" type="button" data-ref="newChat" data-testid="inbox-new-chat">Start a new chat</button>
      <ul class="chats" data-ref="chats" data-testid="inbox-chat-list" aria-label="Your chats"></ul>
      <p class="muted" data-ref="empty" hidden>No chats yet.</p>
    </div>
    <div class="view" data-ref="chatView" hidden>
      <p class="notice" data-ref="closedNote" hidden>This chat is closed. Write below and we'll pick it up again.</p>
      <p class="notice intro" data-ref="intro" hidden>Send us a message and we'll reply right here.</p>
      <ol class="messages" data-ref="messages" role="log" aria-live="polite" aria-label="Messages"></ol>
    </div>
    <p class="error" data-ref="error" data-testid="inbox-error" role="alert" hidden></p>
    <form class="composer" data-ref="composer" hidden>
      <textarea data-ref="input" data-testid="inbox-input" rows="2" aria-label="Your message" placeholder="Type your message…"></textarea>
      <label class="attach" title="Send a file" aria-label="Send a file" data-testid="inbox-attach">📎<input type="file" data-ref="file" data-testid="inbox-file" hidden></label>
      <button class="primary" type="submit" data-ref="send" data-testid="inbox-send" aria-label="Send message">Send</button>
    </form>
    <details class="profile" data-ref="profile" open hidden>
      <summary>Your details</summary>
      <form data-ref="profileForm" novalidate>
        <label>Name <input data-field="name" autocomplete="name" data-testid="inbox-profile-name"></label>
        <small class="field-error" data-error="name" data-testid="inbox-profile-error-name" hidden></small>
        <label>Email <input data-field="email" type="email" autocomplete="email" data-testid="inbox-profile-email"></label>
        <small class="field-error" data-error="email" data-testid="inbox-profile-error-email" hidden></small>
        <label>Phone <input data-field="phone" type="tel" autocomplete="tel" data-testid="inbox-profile-phone"></label>
        <small class="field-error" data-error="phone" data-testid="inbox-profile-error-phone" hidden></small>
        <div class="save-row"><button class="secondary" type="submit" data-ref="profileSave" data-testid="inbox-profile-save">Save details</button>
          <span class="muted" data-ref="profileStatus" role="status"></span></div>
      </form>
    </details>
  </section>
</div>`;

  const CSS = `
:host { all: initial !important; } /* inner !important beats the page's, so page rules can't hide or move us */
.w { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2937; --accent: #2563eb; }
[hidden] { display: none !important; }
* { box-sizing: border-box; }
button, textarea, input { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 56px; height: 56px; border: 0; border-radius: 50%;
  background: var(--accent); color: #fff; box-shadow: 0 6px 20px rgba(0,0,0,.25); display: grid; place-items: center; }
.launcher:hover { filter: brightness(1.1); }
.launcher svg { width: 26px; height: 26px; }
.badge { position: absolute; top: 3px; right: 3px; width: 14px; height: 14px; border-radius: 50%; background: #ef4444; border: 2px solid #fff; }
.panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483000; width: 360px; max-width: calc(100vw - 40px);
  height: 580px; max-height: calc(100vh - 108px); display: flex; flex-direction: column; background: #fff; border-radius: 14px;
  box-shadow: 0 12px 40px rgba(0,0,0,.25); overflow: hidden; animation: pop .15s ease-out; }
@keyframes pop { from { opacity: 0; transform: translateY(8px); } }
@media (prefers-reduced-motion: reduce) { .panel { animation: none; } }
header { display: flex; align-items: center; gap: 6px; padding: 10px 12px; background: var(--accent); color: #fff; }
.titles { flex: 1; min-width: 0; padding-left: 4px; }
h2 { margin: 0; font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sub { display: block; font-size: 12px; opacity: .85; }
.icon { width: 32px; height: 32px; border: 0; border-radius: 8px; background: none; color: inherit; font-size: 20px; line-height: 1; }
.icon:hover { background: rgba(255,255,255,.18); }
.view { flex: 1; overflow-y: auto; padding: 12px; }
.primary { border: 0; border-radius: 8px; padding: 8px 14px; background: var(--accent); color: #fff; font-weight: 600; }
.secondary { border: 1px solid #d1d5db; border-radius: 6px; padding: 4px 10px; background: #fff; }
button:disabled { opacity: .6; cursor: default; }
.wide { width: 100%; padding: 10px; }
.muted { color: #6b7280; font-size: 13px; }
.chats { list-style: none; margin: 12px 0 0; padding: 0; }
.row { display: grid; grid-template-columns: auto auto 1fr; align-items: center; gap: 2px 8px; width: 100%; margin-bottom: 8px;
  padding: 10px 12px; text-align: left; background: #f9fafb; border: 1px solid #e5e7eb; border-radius: 10px; }
.row:hover { border-color: var(--accent); }
.num { font-weight: 600; }
.status { font-size: 11px; padding: 1px 8px; border-radius: 999px; background: #dcfce7; color: #166534; }
.status.closed { background: #e5e7eb; color: #374151; }
.time { justify-self: end; font-size: 12px; color: #6b7280; }
.preview { grid-column: 1 / -1; color: #4b5563; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.messages { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 80%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.customer { align-self: flex-end; background: var(--accent); color: #fff; border-bottom-right-radius: 4px; }
.msg.operator { align-self: flex-start; background: #f3f4f6; border-bottom-left-radius: 4px; }
.msg.system { align-self: center; max-width: 90%; padding: 2px 8px; color: #6b7280; font-size: 12px; text-align: center; }
.msg[data-author]::before { content: attr(data-author); display: block; margin-bottom: 2px; font-size: 12px; font-weight: 600; color: #4b5563; }
.msg .avatar { float: left; width: 22px; height: 22px; margin: 0 6px 0 0; border-radius: 50%; background: #d1d5db; object-fit: cover; }
.msg span.avatar::after { content: attr(data-initials); display: block; font-size: 10px; font-weight: 600; line-height: 22px; text-align: center; color: #374151; }
.msg[data-edited]::after { content: " (edited)"; font-size: 11px; color: #6b7280; }
.msg.deleted { font-style: italic; color: #6b7280; }
.file { display: block; margin-top: 4px; color: inherit; font-size: 13px; text-decoration: underline; }
.notice { margin: 0 0 10px; padding: 8px 10px; border-radius: 8px; background: #fef3c7; color: #92400e; font-size: 13px; }
.notice.intro { background: #eff6ff; color: #1e40af; }
.error { margin: 0; padding: 8px 14px; background: #fef2f2; color: #b91c1c; font-size: 13px; border-top: 1px solid #fecaca; }
.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid #e5e7eb; }
.attach { cursor: pointer; font-size: 18px; padding: 6px 4px; user-select: none; }
textarea { flex: 1; min-height: 40px; max-height: 120px; resize: vertical; padding: 8px 10px; border: 1px solid #d1d5db; border-radius: 8px; }
input { min-width: 0; padding: 5px 8px; border: 1px solid #d1d5db; border-radius: 6px; }
textarea:focus, input:focus { outline: 2px solid var(--accent); outline-offset: -1px; }
input[aria-invalid="true"] { border-color: #dc2626; }
.profile { padding: 6px 12px 10px; border-top: 1px solid #e5e7eb; font-size: 13px; }
summary { cursor: pointer; color: #4b5563; }
.profile form { display: grid; gap: 6px; margin-top: 6px; }
label { display: grid; grid-template-columns: 48px 1fr; align-items: center; gap: 8px; color: #4b5563; }
.field-error { margin-left: 56px; color: #b91c1c; font-size: 12px; }
.save-row { display: flex; align-items: center; gap: 10px; }
@media (max-width: 480px) {
  .panel { inset: 0; width: auto; max-width: none; height: auto; max-height: none; border-radius: 0; }
  .w.open .launcher { display: none; }
  textarea, input { font-size: 16px; } /* below 16px iOS zooms the page on focus */
}`;

  function mount() {
    const host = document.createElement('inbox-widget');
    const root = host.attachShadow({ mode: 'open' }); // open: automated tests can reach inside; page CSS still can't
    root.innerHTML = `<style>${CSS}</style>${MARKUP}`; // constants only
    ui.root = root;
    ui.wrap = root.querySelector('.w');
    ui.launcher = root.querySelector('.launcher');
    ui.badge = root.querySelector('.badge');
    ui.panel = root.querySelector('.panel');
    root.querySelectorAll('[data-ref]').forEach(el => { ui[el.dataset.ref] = el; });
    ui.fields = {}; ui.fieldErrors = {};
    root.querySelectorAll('[data-field]').forEach(el => { ui.fields[el.dataset.field] = el; });
    root.querySelectorAll('[data-error]').forEach(el => { ui.fieldErrors[el.dataset.error] = el; });
    ui.title.textContent = TITLE;

    ui.launcher.addEventListener('click', () => (panelOpen ? doClose() : doOpen()));
    ui.close.addEventListener('click', doClose);
    ui.back.addEventListener('click', () => { showList(); if (!conversations) start(); });
    ui.newChat.addEventListener('click', () => showChat(null));
    ui.composer.addEventListener('submit', e => { e.preventDefault(); send(); });
    ui.file.addEventListener('change', () => sendFile(ui.file.files && ui.file.files[0]));
    ui.input.addEventListener('keydown', e => {
      // Enter sends, Shift+Enter is a newline; leave Enter alone while an IME is composing.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
    });
    ui.panel.addEventListener('keydown', e => { if (e.key === 'Escape') doClose(); });
    ui.profileForm.addEventListener('submit', saveProfile);

    document.body.appendChild(host);
    // A returning visitor gets live events (and the unread dot) before opening the panel.
    if (getToken()) connectLive();
  }

  let markReady;
  const ready = new Promise(r => { markReady = r; });
  const boot = () => { mount(); markReady(); };
  if (document.body) boot(); else document.addEventListener('DOMContentLoaded', boot, { once: true });

  window.InboxWidget = Object.freeze({
    open: () => ready.then(doOpen),
    close: () => ready.then(doClose),
  });
})();
