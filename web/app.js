// The classroom view's page: logs in with the admin secret, then follows the class over a
// WebSocket (/live) and draws it. Every word comes from the server's catalogue (/words.json).
// No build step, no library: the browser's own WebSocket and DOM.
'use strict'

const $ = id => document.getElementById(id)
const state = {
  words: {}, lang: 'en', languages: {}, view: undefined, offset: 0,
  watch: null, log: [], socket: undefined, projector: false, retry: undefined,
}
/** Log lines kept on the page for the watched student. */
const LOG_KEPT = 500

/** The catalogue's templates: {name}, and {name|thing|things} for a number with its noun (as lib/i18n/index.ts). */
function t(key, params = {}) {
  const template = state.words[key] ?? key
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (_m, name, one, many) => {
    const v = params[name]
    if (one === undefined) return v === undefined ? '' : String(v)
    const n = Number(v)
    return `${n.toLocaleString(state.lang)} ${n === 1 ? one : many}`
  })
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v
    else if (k === 'width') node.style.width = v // through the CSSOM: the page's policy allows no inline style attribute
    else if (k === 'text') node.textContent = v
    else node.setAttribute(k, v)
  }
  for (const c of children) if (c !== undefined && c !== null) node.append(c)
  return node
}

async function loadWords(lang) {
  const res = await fetch('/words.json' + (lang ? `?lang=${encodeURIComponent(lang)}` : ''))
  const answer = await res.json()
  Object.assign(state, { words: answer.words, lang: answer.lang, languages: answer.languages })
  document.documentElement.lang = state.lang
  document.title = t('web.title')
  $('title').textContent = t('web.title')
  $('lang-label').textContent = t('web.choose')
  const select = $('lang')
  select.replaceChildren(...Object.entries(state.languages).map(([code, name]) => el('option', { value: code, text: name })))
  select.value = state.lang
  $('csv').textContent = t('web.csv')
  $('csv').href = `/progress.csv?lang=${encodeURIComponent(state.lang)}`
  $('login-title').textContent = t('web.login.title')
  $('login-prompt').textContent = t('web.login.prompt')
  $('login-button').textContent = t('web.login.button')
  $('log-close').textContent = t('web.log.close')
  $('lost').textContent = t('web.live.lost')
  $('unrecorded').textContent = t('web.header.notRecorded')
  for (const th of document.querySelectorAll('[data-word]')) th.textContent = t(th.dataset.word)
  render()
  renderLog()
}

function hashParams() {
  return new URLSearchParams(location.hash.slice(1))
}

function setProjector(on) {
  state.projector = on
  document.body.classList.toggle('projector', on)
  $('projector').textContent = t(on ? 'web.projector.off' : 'web.projector')
  const params = hashParams()
  if (on) params.set('projector', '')
  else params.delete('projector')
  history.replaceState(null, '', location.pathname + location.search + (params.toString() ? `#${params.toString().replace(/=$|=(?=&)/g, '')}` : ''))
  if (on) choose(null)
  render()
}

async function login(secret) {
  const res = await fetch('/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret }) })
  return res.status === 204
}

function showLogin(message = '') {
  $('class').hidden = true
  $('tools').hidden = true
  $('login').hidden = false
  $('login-error').textContent = message
  $('secret').focus()
}

/** The class, if this browser may see it; the login form otherwise. */
async function enter() {
  const res = await fetch('/view.json')
  if (res.status === 401) return showLogin()
  receive(await res.json())
  $('login').hidden = true
  $('class').hidden = false
  $('tools').hidden = false
  connect()
}

function connect() {
  clearTimeout(state.retry)
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live?lang=${encodeURIComponent(state.lang)}`)
  state.socket = socket
  socket.onopen = () => {
    $('lost').hidden = true
    if (state.watch !== null) socket.send(JSON.stringify({ watch: state.watch }))
  }
  socket.onmessage = message => {
    const data = JSON.parse(message.data)
    if (data.type === 'view') receive(data.view)
    else if (data.type === 'log' && data.user === state.watch) {
      if (data.reset) state.log = []
      state.log.push(...data.entries)
      if (state.log.length > LOG_KEPT) state.log.splice(0, state.log.length - LOG_KEPT)
      renderLog()
    }
  }
  socket.onclose = () => {
    if (state.socket !== socket) return
    $('lost').hidden = false
    // logged out (the server restarted, say): the login form; else try again in a while
    state.retry = setTimeout(() => enter().catch(() => socket.onclose()), 2000)
  }
}

function receive(view) {
  state.view = view
  state.offset = Date.parse(view.time) - Date.now()
  render()
}

function send(message) {
  if (state.socket?.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(message))
}

function choose(user) {
  state.watch = user
  state.log = []
  send({ watch: user })
  render()
  renderLog()
}

/** Seconds since the student last did something, by the server's clock. */
function idleOf(row) {
  return row.active === undefined ? undefined : Math.max(0, Math.floor((Date.now() + state.offset - Date.parse(row.active)) / 1000))
}

function idleText(seconds) {
  if (seconds === undefined) return t('web.idle.never')
  if (seconds < 60) return t('web.idle.seconds', { seconds })
  if (seconds < 3600) return t('web.idle.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })
  return t('web.idle.hours', { hours: Math.floor(seconds / 3600), minutes: Math.floor(seconds / 60) % 60 })
}

function render() {
  const view = state.view
  if (!view) return
  const students = view.rows.length
  $('counts').textContent = `${t('web.header.connected', { connected: view.connected, students })} · ${t('web.header.connections', { count: view.connections })}`
  $('average').textContent = t('web.header.average', { percent: view.average.toLocaleString(state.lang) })
  $('unrecorded').hidden = view.recorded
  $('exercises').replaceChildren(...view.exercises.map(ex => {
    const bar = el('span', { class: 'bar' }, el('span', { class: 'filled', width: `${students ? (100 * ex.finished) / students : 0}%` }))
    return el('li', { title: ex.title, 'data-exercise': String(ex.number) }, el('b', { text: String(ex.number) }), ' ', bar, ' ', el('span', { class: 'count', text: t('web.header.exercise', ex) }))
  }))
  $('rows').replaceChildren(...view.rows.map(row => rowOf(row, view)))
}

function rowOf(row, view) {
  const idle = idleOf(row)
  const connected = row.sessions.length > 0
  const stuck = row.stuck || (connected && row.exercise !== undefined && idle !== undefined && idle >= view.stuckIdle)
  const name = state.projector ? t('web.seat', { seat: row.seat }) : row.user
  const classes = [connected ? 'online' : 'offline', stuck ? 'stuck' : '', !state.projector && state.watch === row.user ? 'selected' : ''].filter(Boolean).join(' ')
  const tr = el('tr', { class: classes, 'data-seat': String(row.seat) },
    el('td', { class: 'name' }, name, stuck ? el('span', { class: 'badge', text: t('web.stuck') }) : undefined),
    el('td', { class: 'connected' }, el('span', { class: 'dot' }), ' ', t(connected ? 'web.connected.yes' : 'web.connected.no')),
    el('td', { class: 'on', text: onText(row, view) }),
    el('td', { class: 'done', text: `${row.done.length} / ${view.exercises.length}`, title: row.done.join(', ') }),
    state.projector ? undefined : el('td', { class: 'last private' },
      row.last?.command === undefined ? undefined : el('span', { class: 'command', text: row.last.command }),
      row.last?.reply === undefined ? undefined : el('span', { class: row.last.ok ? 'reply ok' : 'reply err', text: row.last.reply })),
    el('td', { class: 'idle', text: idleText(idle) }),
    el('td', { class: row.errors ? 'errors some' : 'errors', text: String(row.errors) }))
  if (!state.projector) tr.addEventListener('click', () => choose(row.user))
  return tr
}

function onText(row, view) {
  if (row.exercise === undefined) return view.exercises.length && row.done.length === view.exercises.length ? t('web.on.allDone') : t('web.on.unknown')
  return row.step === undefined ? t('web.on.exercise', { exercise: row.exercise }) : t('web.on', { exercise: row.exercise, step: row.step })
}

function renderLog() {
  const user = state.watch
  $('log-close').hidden = user === null
  $('log-title').textContent = user === null ? t('web.log.hint') : t('web.log.title', { user })
  const lines = state.log.map(e => el('li', { class: `entry kind-${e.kind === '-' ? 'event' : e.kind}${e.ok === false ? ' err' : ''}` },
    el('span', { class: 'time', text: e.time.slice(11, 19) }), ' ',
    el('span', { class: 'session', text: `#${e.session}` }), ' ',
    el('span', { class: 'marker', text: e.kind === '-' ? '──' : `${e.kind}:` }), ' ',
    el('span', { class: 'text', text: e.text }),
    ...e.notes.map(n => el('div', { class: 'note', text: n }))))
  if (user !== null && !lines.length) lines.push(el('li', { class: 'empty', text: t('web.log.empty') }))
  const list = $('log-lines')
  const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 20
  list.replaceChildren(...lines)
  if (atEnd) list.scrollTop = list.scrollHeight
}

async function start() {
  const params = hashParams()
  await loadWords(localStorage.getItem('smallpop3.lang'))
  setProjector(params.has('projector'))
  const secret = params.get('secret')
  if (secret !== null) {
    // the secret leaves the address bar (and the history) at once
    params.delete('secret')
    history.replaceState(null, '', location.pathname + location.search + (params.toString() ? `#${params.toString().replace(/=$|=(?=&)/g, '')}` : ''))
    await login(secret)
  }
  await enter()
}

$('login-form').addEventListener('submit', async event => {
  event.preventDefault()
  const field = $('secret')
  try {
    if (!(await login(field.value))) {
      field.select()
      return showLogin(t('web.login.wrong'))
    }
    field.value = ''
    await enter()
  } catch (err) {
    showLogin(t('web.login.failed', { reason: err.message }))
  }
})
$('lang').addEventListener('change', async () => {
  localStorage.setItem('smallpop3.lang', $('lang').value)
  await loadWords($('lang').value)
  send({ lang: state.lang })
  if (state.watch !== null) send({ watch: state.watch })
  $('projector').textContent = t(state.projector ? 'web.projector.off' : 'web.projector')
})
$('projector').addEventListener('click', () => setProjector(!state.projector))
$('log-close').addEventListener('click', () => choose(null))
// idle times grow without any news from the server
setInterval(render, 1000)

start().catch(err => showLogin(t('web.login.failed', { reason: err.message })))
