# SPDX-License-Identifier: MIT
"""The phones' web server: one page and a small JSON API, on the room's local network.

Why aiohttp: it is a maintained asyncio server whose request parser bounds line, header and body sizes,
and whose coroutines let forty phones wait for the next card (long polling) without forty threads. The
standard library has no asyncio HTTP server; `http.server` would need a thread per waiting phone and our
own limits on every read.

The API, all JSON (the token comes back from `join` and travels in the `X-Token` header):
- `GET /api/hello?lang=` the page's strings and the languages of the cards;
- `POST /api/room {code}` the teams' names, if the room code is right;
- `POST /api/join {code, team}` a token bound to that team (kept in the server's memory only);
- `POST /api/leave` forget the phone's token ("Change team": the phone enters the room code again);
- `GET /api/view?since=VERSION&lang=` the team's view, as soon as its version differs from `since`
  (long polling: the answer waits up to `POLL_SECONDS` for a change);
- `POST /api/answer {team, card, option, tool}` the game's verdict on the answer;
- `POST /api/reveal {team, card, tool}` the game's verdict on playing a tool that reveals the card (what it
  shows comes in that team's view only).

Everything else is 404. Requests from outside the local network, with a foreign Host header (DNS
rebinding), over the size limits or too fast are refused before they reach the game.

A hostile phone on the same Wi-Fi can neither stop the room nor enter it:
- the room code has 10 digits, and wrong codes are limited *before* a code is compared, per address and for
  the whole room (`Limits.wrong_codes`, `Limits.room_wrong_codes`): at most 30 + 0.5 a second, so 5,430 in
  a 3-hour workshop, a chance of 5.4 in 10 million to find one code among 10^10 (`guess_odds`);
- a connection that sends nothing, half a request or a slow body is closed after `Limits.idle_seconds`;
- connections, joins, held long polls and bodies are capped, overall and per address, with a plain 4xx;
- each kind of refusal or failure prints at most one line a minute (`Notes`), never a traceback;
- whatever the code, body or header, the answer is a 2xx or a 4xx: an unexpected error is a 400.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import resource
import secrets
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any, NamedTuple, TypeGuard

from aiohttp import web

from booster.phones.bridge import Bridge, Published
from booster.phones.code import CODE_DIGITS, room_code, typed_code
from booster.phones.network import DEFAULT_PORT, is_local
from booster.phones.room import Answer, Note, Refusal, Reveal
from booster.table.projects import MAX_TEXT, clean
from booster.text.i18n import Strings

POLL_SECONDS = 20.0  # a waiting phone gets an answer at least this often, so it notices a lost connection
# Bytes: the largest request is a transfer answer, MAX_TEXT characters of up to 4 bytes each (emoji).
MAX_BODY = 4 * MAX_TEXT + 512
MAX_TOKENS = 512  # phones remembered at once; the oldest is forgotten first (it simply joins again)
MAX_WAITING = 256  # long polls held at once, for the whole room
MAX_WAITING_PER_PHONE = 2
MAX_WAITING_PER_ADDRESS = 8  # a phone holds one; a few phones may share an address behind a hotspot
MAX_TOKENS_PER_ADDRESS = 8  # a phone that joins again and again only pushes out its own older tokens
MAX_CONNECTIONS_PER_ADDRESS = 16
MAX_ID = 80  # characters in a card, option or tool id
# A phone counts as in the room while it asked for its view this recently (a waiting phone asks again at
# least every POLL_SECONDS; a phone asleep or closed drops out of the count).
SEEN_SECONDS = 2 * POLL_SECONDS + 5

# The page's own strings (`phone.*` in booster/text/i18n/ui.<lang>.yaml); the page fills in {placeholders}.
PAGE_STRINGS = (
    "writing",
    "writing_label",
    "writing_send",
    "writing_sent",
    "title",
    "intro",
    "code_label",
    "join",
    "bad_code",
    "too_many",
    "teams_title",
    "team_label",
    "change_team",
    "language",
    "your_turn",
    "all_open",
    "answered",
    "waiting_turn",
    "waiting",
    "over",
    "answers",
    "tool_legend",
    "no_tool",
    "confirm",
    "confirm_option",
    "choose_first",
    "sending",
    "recorded",
    "recorded_tool",
    "recorded_laptop",
    "tools_title",
    "no_tools",
    "helps",
    "spent",
    "online",
    "offline",
    "expired",
    "queued",
    "refused_closed",
    "refused_not_your_turn",
    "refused_not_legal",
    "refused_wrong_team",
    "paused",
    "kept",
    "kept_sent",
    "not_recorded",
    "laptop_unreachable",
    "phone_offline",
    "revealed",
    "reveal_play",
    "reveal_confirm",
)

STATIC = {
    "/": ("index.html", "text/html"),
    "/app.js": ("app.js", "text/javascript"),
    "/app.css": ("app.css", "text/css"),
}
SECURITY_HEADERS = {
    # Only this page's own script, style and API: no inline code, no frame, nothing from elsewhere.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",  # nothing stays on the phone
}


def page_files() -> dict[str, bytes]:
    """The page's files, as served (the benchmark weighs them)."""
    folder = resources.files("booster.phones") / "static"
    return {name: (folder / name).read_bytes() for name, _ in STATIC.values()}


def max_connections() -> int:
    """Connections held at once: well under the process's file limit (256 on macOS), so that the game's
    own files and sockets always have room."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return max(32, min(400, (soft if soft > 0 else 1024) // 2))


class Bucket:
    """Token buckets by key: `burst` requests at once, then `rate` a second."""

    def __init__(self, burst: float, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.rate, self.clock = burst, rate, clock
        self._levels: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def has(self, key: str) -> bool:
        """Whether `key` may make a request now, without counting one."""
        level, then = self._levels.get(key, (self.burst, self.clock()))
        return min(self.burst, level + (self.clock() - then) * self.rate) >= 1

    def allow(self, key: str) -> bool:
        now = self.clock()
        level, then = self._levels.pop(key, (self.burst, now))
        level = min(self.burst, level + (now - then) * self.rate)
        allowed = level >= 1
        self._levels[key] = (level - 1 if allowed else level, now)
        while len(self._levels) > 4096:  # many addresses: forget the least recently seen
            self._levels.popitem(last=False)
        return allowed


class Limits:
    """Request rates, per phone's address (generous for a person, tight for a script) and for the whole room,
    how long a connection may stay silent, and how long an answer waits for the game's verdict before the
    phone is told "sent" (the view then shows the outcome)."""

    def __init__(
        self,
        requests: tuple[float, float] = (60, 4),
        wrong_codes: tuple[float, float] = (5, 1 / 12),
        room_wrong_codes: tuple[float, float] = (30, 0.5),
        joins: tuple[float, float] = (10, 0.2),
        room_joins: tuple[float, float] = (60, 2),
        verdict_seconds: float = 3.0,
        idle_seconds: float = 5.0,
        connections: int | None = None,
    ):
        self.requests = requests  # (burst, per second), per address
        self.wrong_codes = wrong_codes  # per address
        self.room_wrong_codes = room_wrong_codes  # all addresses together: what bounds a guess from many
        self.joins = joins  # per address
        self.room_joins = room_joins
        self.verdict_seconds = verdict_seconds
        self.idle_seconds = idle_seconds  # silent, half-sent or slow: closed after this
        self.connections = connections or max_connections()

    def guesses(self, seconds: float) -> float:
        """The most codes the whole room can try in `seconds`, from any number of addresses."""
        burst, rate = self.room_wrong_codes
        return burst + rate * seconds


def guess_odds(limits: Limits, seconds: float = 3 * 3600) -> float:
    """The chance that guessing finds the room code within `seconds` at the allowed rate."""
    return min(1.0, limits.guesses(seconds) / 10**CODE_DIGITS)


log = logging.getLogger("booster.phones")


class Notes:
    """One line a minute at most for each kind of trouble, saying how many more there were: a flood of
    bad requests never floods the facilitator's terminal."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, every: float = 60.0) -> None:
        self.clock, self.every = clock, every
        self._last: dict[str, float] = {}
        self._more: Counter[str] = Counter()
        self.lines = 0  # printed so far (the tests count them)

    def note(self, kind: str, sentence: str) -> None:
        now = self.clock()
        last = self._last.get(kind)
        if last is not None and now - last < self.every:
            self._more[kind] += 1
            return
        more = self._more.pop(kind, 0)
        self._last[kind] = now
        self.lines += 1
        log.warning("Phones: %s%s", sentence, f" ({more} more in the last minute)" if more else "")


class _Quiet(logging.Filter):
    """aiohttp's and asyncio's own reports from the server's thread become `Notes` lines, without traces."""

    def __init__(self, notes: Notes, thread: int) -> None:
        super().__init__()
        self.notes, self.thread = notes, thread

    def filter(self, record: logging.LogRecord) -> bool:
        if record.thread != self.thread:
            return True
        if record.levelno >= logging.WARNING:
            error = record.exc_info[1] if record.exc_info else None
            why = f"{type(error).__name__}: {error}" if error is not None else record.getMessage()
            self.notes.note("error", f"a request failed ({why[:200]})")
        return False


_QUIET_LOGGERS = ("aiohttp.server", "aiohttp.web", "aiohttp.internal", "aiohttp.access", "asyncio")


class _Joined(NamedTuple):
    team: int
    game: tuple[str, ...]  # the teams' names of the game it joined (another game: join again)
    seen: float  # when it last asked for its view
    peer: str


class _Gate(asyncio.Protocol):
    """In front of aiohttp's protocol: refuses a connection over the caps with a plain 429 before aiohttp
    sees it, and counts what is held per address."""

    def __init__(self, server: PhoneServer, inner: asyncio.Protocol) -> None:
        self.server, self.inner = server, inner
        self.peer = ""
        self.open = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        peername = transport.get_extra_info("peername")
        self.peer = str(peername[0]) if peername else ""
        if not self.server._admit(self.peer):
            assert isinstance(transport, asyncio.Transport)
            transport.write(_PLAIN_429)
            transport.close()
            return
        self.open = True
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self.open:
            self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.open else None

    def connection_lost(self, exc: Exception | None) -> None:
        if self.open:
            self.open = False
            self.server._release(self.peer)
            self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        if self.open:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.open:
            self.inner.resume_writing()


_PLAIN_429 = (
    b"HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: 22\r\n"
    b'Connection: close\r\n\r\n{"error": "too_many"}'
)


class PhoneServer:
    """The server, run in a thread of its own with its own event loop. `start()` returns the address."""

    def __init__(
        self,
        bridge: Bridge,
        host: str,
        port: int = DEFAULT_PORT,
        code: str | None = None,
        limits: Limits | None = None,
    ) -> None:
        if not is_local(host):
            raise ValueError(f"'{host}' is not a local network address")
        self.bridge = bridge
        self.host = host
        self.port = port
        self.code = code or room_code()
        self.limits = limits = limits or Limits()
        self._requests = Bucket(*limits.requests)
        self._wrong_codes = Bucket(*limits.wrong_codes)
        self._room_wrong_codes = Bucket(*limits.room_wrong_codes)
        self._joins = Bucket(*limits.joins)
        self._room_joins = Bucket(*limits.room_joins)
        self._verdict_seconds = limits.verdict_seconds
        self.notes = Notes()
        # token -> the phone's team, game, last view and address; the game's thread counts the phones of
        # each team (`phones`), hence the lock.
        self._tokens: OrderedDict[str, _Joined] = OrderedDict()
        self._tokens_lock = threading.Lock()
        self._clock = time.monotonic
        self._waiting: Counter[str] = Counter()  # long polls held, per token and per address
        self._waiting_total = 0
        self._connections: Counter[str] = Counter()  # per address
        self._connections_total = 0
        self._quiet: _Quiet | None = None
        self._listening: asyncio.AbstractServer | None = None
        self._files = {path: (page_files()[name], kind) for path, (name, kind) in STATIC.items()}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    # -- running -------------------------------------------------------------------------------------------
    def start(self) -> str:
        """Serve in a background thread; returns the address. Raises OSError if the port cannot be had."""
        self._thread = threading.Thread(target=self._run, name="phones", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            raise self._error
        return self.url

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        self.bridge.unlisten(self._on_publish)
        with contextlib.suppress(RuntimeError):  # the loop already stopped
            loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        self._loop = None
        self._unquiet()

    def _unquiet(self) -> None:
        if self._quiet is not None:
            for name in _QUIET_LOGGERS:
                logging.getLogger(name).removeFilter(self._quiet)
            self._quiet = None

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._quiet = _Quiet(self.notes, threading.get_ident())
        for name in _QUIET_LOGGERS:
            logging.getLogger(name).addFilter(self._quiet)
        loop.set_exception_handler(self._loop_error)
        try:
            loop.run_until_complete(self._serve())
        except BaseException as e:  # reported by start() in the game's thread
            self._error = e
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._close(loop)

    def _close(self, loop: asyncio.AbstractEventLoop) -> None:
        """Stop listening, let each phone's request end (a held long poll is cut short), close the loop:
        quitting with phones connected prints nothing."""
        with contextlib.suppress(Exception):
            if self._listening is not None:
                self._listening.close()
            if self._runner is not None:
                loop.run_until_complete(self._runner.cleanup())
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()

    def _loop_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        why = f"{type(error).__name__}: {error}" if error is not None else str(context.get("message"))
        self.notes.note("error", f"a connection failed ({why[:200]})")

    async def _serve(self) -> None:
        self._changed = asyncio.Event()
        # Bounded bodies, request lines and headers (aiohttp's defaults: 1 MiB, 8 KiB a line, 128 headers).
        # A silent or half-sent connection is closed after idle_seconds (aiohttp's keep-alive timer runs from
        # the connection's start and between requests).
        app = web.Application(
            middlewares=[self._guard],
            client_max_size=MAX_BODY,
            handler_args={
                "max_line_size": 2048,
                "max_field_size": 2048,
                "max_headers": 32,
                "keepalive_timeout": self.limits.idle_seconds,
                "lingering_time": self.limits.idle_seconds,  # the rest of a body left unread
            },
        )
        for path in STATIC:
            app.router.add_get(path, self._static)
        app.router.add_get("/api/hello", self._hello)
        app.router.add_post("/api/room", self._room)
        app.router.add_post("/api/join", self._join)
        app.router.add_post("/api/leave", self._leave)
        app.router.add_get("/api/view", self._view)
        app.router.add_post("/api/answer", self._answer)
        app.router.add_post("/api/reveal", self._reveal)
        app.router.add_post("/api/transfer", self._transfer)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0, handle_signals=False)
        await runner.setup()
        self._runner = runner
        http = runner.server
        assert http is not None
        loop = asyncio.get_running_loop()
        self._listening = await loop.create_server(
            lambda: _Gate(self, http()), self.host, self.port, reuse_address=True, backlog=128
        )
        if self.port == 0:  # the system chose a free port: say which
            self.port = self._listening.sockets[0].getsockname()[1]
        self.bridge.listen(self._on_publish)

    def _admit(self, peer: str) -> bool:
        """Whether a new connection from `peer` fits under the caps (counted until `_release`)."""
        if self._connections_total >= self.limits.connections:
            self.notes.note("connections", f"too many connections at once (the limit is {self.limits.connections})")
            return False
        if self._connections[peer] >= MAX_CONNECTIONS_PER_ADDRESS:
            self.notes.note("connections_address", f"one address opened too many connections ({peer})")
            return False
        self._connections[peer] += 1
        self._connections_total += 1
        return True

    def _release(self, peer: str) -> None:
        self._connections_total -= 1
        self._connections[peer] -= 1
        if self._connections[peer] <= 0:
            del self._connections[peer]

    def _on_publish(self) -> None:
        """Called on the game's thread: wake every waiting phone on the server's."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._wake_waiting)

    def _wake_waiting(self) -> None:
        if self._changed is not None:
            self._changed.set()
            self._changed = asyncio.Event()

    # -- the gate every request passes ---------------------------------------------------------------------
    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        peer = request.remote or ""
        if not is_local(peer):
            return _error(403, "not_local")
        if request.host not in self._hosts():
            return _error(421, "wrong_host")
        if not self._requests.allow(peer):
            self.notes.note("requests", f"too many requests from one address ({peer})")
            return _error(429, "too_many")
        try:
            response = await handler(request)
        except web.HTTPException as e:  # 404, 405, 413 (a body over MAX_BODY)
            if e.status == 413:
                self.notes.note("body", f"a request's body was over {MAX_BODY} bytes ({peer})")
            return _error(e.status, "refused")
        except (asyncio.CancelledError, ConnectionError):
            raise  # the phone went away (or the server stops): nobody to answer
        except Exception as e:  # a phone's odd request must never cost a 500 nor a traceback
            self.notes.note("error", f"a request failed ({type(e).__name__}: {str(e)[:200]})")
            return _error(400, "refused")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def _hosts(self) -> set[str]:
        names = {self.host, f"[{self.host}]"}
        if self.host in ("127.0.0.1", "::1"):
            names.add("localhost")
        return {f"{n}:{self.port}" for n in names} | (names if self.port == 80 else set())

    # -- handlers ------------------------------------------------------------------------------------------
    async def _static(self, request: web.Request) -> web.Response:
        body, kind = self._files[request.path]
        return web.Response(body=body, content_type=kind, charset="utf-8")

    async def _hello(self, request: web.Request) -> web.Response:
        published = self.bridge.current()
        lang = _language(request, published.languages)
        t = Strings(lang)
        return _json({"lang": lang, "languages": _language_names(published.languages), "strings": page_strings(t)})

    async def _room(self, request: web.Request) -> web.Response:
        body = await _body(request, self.limits.idle_seconds)
        if body is None:
            return _error(400, "refused")
        refusal = self._check_code(request, body.get("code"))
        if refusal is not None:
            return refusal
        return _json({"teams": list(self.bridge.current().teams)})

    async def _join(self, request: web.Request) -> web.Response:
        body = await _body(request, self.limits.idle_seconds)
        if body is None:
            return _error(400, "refused")
        refusal = self._check_code(request, body.get("code"))
        if refusal is not None:
            return refusal
        team = body.get("team")
        if not isinstance(team, int) or isinstance(team, bool) or not 0 <= team < len(self.bridge.current().teams):
            return _error(400, "refused")
        peer = request.remote or ""
        if not (self._joins.allow(peer) and self._room_joins.allow("")):
            self.notes.note("joins", "too many phones joined at once")
            return _error(429, "too_many")
        token = secrets.token_urlsafe(18)
        now = self._clock()
        with self._tokens_lock:
            # A phone joining again and again pushes out only its own address's older tokens; a full room
            # forgets only a phone silent for long (it joins again with the code), never one in play.
            mine = [k for k, j in self._tokens.items() if j.peer == peer]
            for old in mine[: max(0, len(mine) - MAX_TOKENS_PER_ADDRESS + 1)]:
                del self._tokens[old]
            if len(self._tokens) >= MAX_TOKENS:
                oldest = next(iter(self._tokens))
                if self._tokens[oldest].seen > now - SEEN_SECONDS:
                    self.notes.note("tokens", f"the room is full ({MAX_TOKENS} phones)")
                    return _error(429, "too_many")
                del self._tokens[oldest]
            self._tokens[token] = _Joined(team, self.bridge.current().teams, now, peer)
        self.bridge.wake()  # the projector's rows count the team's phones
        return _json({"token": token, "team": team})

    async def _leave(self, request: web.Request) -> web.Response:
        """The phone leaves its team: its token no longer answers for it, and it needs the room code again."""
        with self._tokens_lock:
            self._tokens.pop(request.headers.get("X-Token", ""), None)
        self.bridge.wake()
        return _json({"left": True})

    def phones(self, team: int) -> int:
        """How many phones are in `team` now (joined this game and seen lately). Any thread may ask."""
        teams, since = self.bridge.current().teams, self._clock() - SEEN_SECONDS
        with self._tokens_lock:
            return sum(1 for j in self._tokens.values() if j.team == team and j.game == teams and j.seen >= since)

    def _check_code(self, request: web.Request, code: Any) -> web.Response | None:
        """None if `code` is the room's. The limits come first: while an address, or the room, has used its
        wrong codes, no code is even compared, the right one neither."""
        peer = request.remote or ""
        if not (self._wrong_codes.has(peer) and self._room_wrong_codes.has("")):
            self.notes.note("codes", "too many wrong room codes: joining waits a little")
            return _error(429, "too_many")
        typed = typed_code(code)
        if typed is not None and secrets.compare_digest(typed, self.code.encode()):
            return None
        self._wrong_codes.allow(peer)
        self._room_wrong_codes.allow("")
        return _error(403, "bad_code")

    def _team_of(self, request: web.Request) -> int | None:
        """The team the phone joined; None if unknown, or if another game started since (join again)."""
        token = request.headers.get("X-Token", "")
        with self._tokens_lock:
            joined = self._tokens.get(token)
            if joined is None or joined.game != self.bridge.current().teams:
                return None
            self._tokens[token] = joined._replace(seen=self._clock())
            self._tokens.move_to_end(token)
        return joined.team

    async def _view(self, request: web.Request) -> web.Response:
        team = self._team_of(request)
        if team is None:
            return _error(401, "expired")
        token = request.headers["X-Token"]
        since = request.query.get("since", "")
        published = self.bridge.current()
        if since == str(published.version) and self._changed is not None:
            keys = ("token " + token, "address " + (request.remote or ""))
            if (
                self._waiting[keys[0]] >= MAX_WAITING_PER_PHONE
                or self._waiting[keys[1]] >= MAX_WAITING_PER_ADDRESS
                or self._waiting_total >= MAX_WAITING
            ):
                self.notes.note("polls", "too many phones waiting for their view at once")
                return _error(429, "too_many")
            self._waiting.update(keys)
            self._waiting_total += 1
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), POLL_SECONDS)
            finally:
                self._waiting_total -= 1
                self._waiting.subtract(keys)
                self._waiting += Counter()  # drop the zeros
            published = self.bridge.current()
        return _json(view_json(published, team, _language(request, published.languages)))

    async def _answer(self, request: web.Request) -> web.Response:
        sender = await self._sender(request)
        if isinstance(sender, web.Response):
            return sender
        team, body = sender
        card, option, tool = body.get("card"), body.get("option"), body.get("tool")
        if not (_is_id(card) and _is_id(option) and (tool is None or _is_id(tool))):
            return _error(400, Refusal.NOT_LEGAL.value)
        answer = Answer(card, option, tool)
        return await self._to_open_card(team, answer, lambda: {"recorded": answer.to_json()})

    async def _reveal(self, request: web.Request) -> web.Response:
        """A team plays a tool that reveals its card, from its phone: the effects come in its own view."""
        sender = await self._sender(request)
        if isinstance(sender, web.Response):
            return sender
        team, body = sender
        card, tool = body.get("card"), body.get("tool")
        if not (_is_id(card) and _is_id(tool)):
            return _error(400, Refusal.NOT_LEGAL.value)
        return await self._to_open_card(team, Reveal(card, tool), lambda: {"revealed": tool})

    async def _sender(self, request: web.Request) -> tuple[int, dict[str, Any]] | web.Response:
        """The team of a phone that sends something, and its JSON body; or the refusal to answer with (the
        phone is unknown, the body is not a JSON object, or it names another team than the phone's)."""
        team = self._team_of(request)
        if team is None:
            return _error(401, "expired")
        body = await _body(request, self.limits.idle_seconds)
        if body is None:
            return _error(400, "refused")
        if body.get("team") != team:
            return _error(403, Refusal.WRONG_TEAM.value)
        return team, body

    async def _to_open_card(self, team: int, sent: Answer | Reveal, done: Callable[[], dict[str, Any]]) -> web.Response:
        """Hand what a team did on its open card to the game, and say its verdict."""
        published = self.bridge.current()
        if published.paused:
            return _error(409, "paused")  # the phone keeps an answer and sends it again when the room goes on
        if team not in published.open:
            return _error(409, Refusal.CLOSED.value)  # the game would refuse it too: spare it the trip
        return await self._verdict(team, sent, done)

    async def _verdict(
        self, team: int, sent: Answer | Reveal | Note, done: Callable[[], dict[str, Any]]
    ) -> web.Response:
        """Queue `sent` for the game and wait a little for its verdict: `done()` with the new version, a 409
        with the refusal, or 202 "queued" if the game is busy (the view shows the outcome)."""
        verdict = self.bridge.send(team, sent)
        try:
            refusal = await asyncio.wait_for(asyncio.wrap_future(verdict), self._verdict_seconds)
        except TimeoutError:
            return _json({"queued": True}, status=202)
        if refusal is not None:
            return _error(409, refusal.value)
        return _json({**done(), "version": self.bridge.current().version})

    async def _transfer(self, request: web.Request) -> web.Response:
        """A team's own answer, for its project, at the transfer step on the laptop's screen: plain text."""
        sender = await self._sender(request)
        if isinstance(sender, web.Response):
            return sender
        team, body = sender
        stage, text = body.get("stage"), body.get("text")
        if not (_is_id(stage) and isinstance(text, str) and len(text) <= MAX_TEXT):
            return _error(400, Refusal.NOT_LEGAL.value)
        return await self._verdict(team, Note(stage, clean(text)), lambda: {"written": clean(text)})


# The projector's strings the page shows too: one sentence for "how many have answered" on both.
SHARED_STRINGS = {
    "answered_count": "round.count",
    "answered_count_one": "round.count_one",
    "no_effect": "card.no_effect",
}


def page_strings(t: Strings) -> dict[str, str]:
    own = {key: t(f"phone.{key}") for key in PAGE_STRINGS}
    return own | {key: t(shared) for key, shared in SHARED_STRINGS.items()}


def view_json(published: Published, team: int, lang: str) -> dict[str, Any]:
    """The long poll's answer: the team's view, and the room's progress (how many, never what)."""
    view = published.views.get((team, lang)) or published.views.get((team, published.languages[0]))
    return {
        "version": published.version,
        "teams": list(published.teams),
        "lang": lang,
        "view": view,
        "answered": len(published.answered),
        "answering": len(published.answered | published.open),
        "paused": published.paused,
    }


def _language(request: web.Request, languages: tuple[str, ...]) -> str:
    """The language asked for, else the phone's preferred one we have, else the first."""
    asked = request.query.get("lang", "")
    if asked in languages:
        return asked
    for part in request.headers.get("Accept-Language", "").split(",")[:8]:
        code = part.split(";")[0].strip().lower()
        for candidate in (code, code.split("-")[0]):
            if candidate in languages:
                return candidate
    return languages[0] if languages else "en"


def _language_names(languages: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"id": lang, "name": Strings(lang).language_name(lang)} for lang in languages]


def _is_id(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID


async def _body(request: web.Request, seconds: float) -> dict[str, Any] | None:
    """The request's JSON object, or None for anything else, or for a body still coming after `seconds`
    (a body over MAX_BODY raises 413)."""
    try:
        raw = await asyncio.wait_for(request.read(), seconds)
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError, TimeoutError):
        return None
    return data if isinstance(data, dict) else None


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False))


def _error(status: int, key: str) -> web.Response:
    response = _json({"error": key}, status=status)
    response.headers.update(SECURITY_HEADERS)
    return response
