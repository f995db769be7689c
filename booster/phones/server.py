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
- `POST /api/answer {team, card, option, tool}` the game's verdict on the answer.

Everything else is 404. Requests from outside the local network, with a foreign Host header (DNS
rebinding), over the size limits or too fast are refused before they reach the game.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any, TypeGuard

from aiohttp import web

from booster.phones.bridge import Bridge, Published
from booster.phones.network import DEFAULT_PORT, is_local
from booster.phones.room import Answer, Refusal
from booster.text.i18n import Strings

POLL_SECONDS = 20.0  # a waiting phone gets an answer at least this often, so it notices a lost connection
MAX_BODY = 2048  # bytes: the largest request is an answer, four short strings
MAX_TOKENS = 512  # phones remembered at once; the oldest is forgotten first (it simply joins again)
MAX_WAITING = 256  # long polls held at once, for the whole room
MAX_WAITING_PER_PHONE = 2
MAX_ID = 80  # characters in a card, option or tool id
# A phone counts as in the room while it asked for its view this recently (a waiting phone asks again at
# least every POLL_SECONDS; a phone asleep or closed drops out of the count).
SEEN_SECONDS = 2 * POLL_SECONDS + 5

# The page's own strings (`phone.*` in booster/text/i18n/ui.<lang>.yaml); the page fills in {placeholders}.
PAGE_STRINGS = (
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


def room_code() -> str:
    return f"{secrets.randbelow(10_000):04d}"


class Bucket:
    """Token buckets by key: `burst` requests at once, then `rate` a second."""

    def __init__(self, burst: float, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.rate, self.clock = burst, rate, clock
        self._levels: OrderedDict[str, tuple[float, float]] = OrderedDict()

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
    """Request rates, per phone's address (generous for a person, tight for a script), and how long an
    answer waits for the game's verdict before the phone is told "sent" (the view then shows the outcome)."""

    def __init__(
        self,
        requests: tuple[float, float] = (60, 4),
        wrong_codes: tuple[float, float] = (5, 1 / 12),
        verdict_seconds: float = 3.0,
    ):
        self.requests = requests  # (burst, per second)
        self.wrong_codes = wrong_codes
        self.verdict_seconds = verdict_seconds


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
        limits = limits or Limits()
        self._requests = Bucket(*limits.requests)
        self._wrong_codes = Bucket(*limits.wrong_codes)
        self._verdict_seconds = limits.verdict_seconds
        # token -> (team, of which game, when the phone last asked for its view); the game's thread counts
        # the phones of each team (`phones`), hence the lock.
        self._tokens: OrderedDict[str, tuple[int, tuple[str, ...], float]] = OrderedDict()
        self._tokens_lock = threading.Lock()
        self._clock = time.monotonic
        self._waiting: dict[str, int] = {}
        self._waiting_total = 0
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

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
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
            if self._runner is not None:
                loop.run_until_complete(self._runner.cleanup())
            loop.close()

    async def _serve(self) -> None:
        self._changed = asyncio.Event()
        # Bounded bodies, request lines and headers (aiohttp's defaults: 1 MiB, 8 KiB a line, 128 headers).
        app = web.Application(
            middlewares=[self._guard],
            client_max_size=MAX_BODY,
            handler_args={"max_line_size": 2048, "max_field_size": 2048, "max_headers": 32},
        )
        for path in STATIC:
            app.router.add_get(path, self._static)
        app.router.add_get("/api/hello", self._hello)
        app.router.add_post("/api/room", self._room)
        app.router.add_post("/api/join", self._join)
        app.router.add_post("/api/leave", self._leave)
        app.router.add_get("/api/view", self._view)
        app.router.add_post("/api/answer", self._answer)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        if self.port == 0:  # the system chose a free port: say which
            server = site._server
            sockets = getattr(server, "sockets", None) or []
            self.port = sockets[0].getsockname()[1]
        self.bridge.listen(self._on_publish)

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
            return _error(429, "too_many")
        try:
            response = await handler(request)
        except web.HTTPException as e:  # 404, 405, 413 (a body over MAX_BODY)
            return _error(e.status, "refused")
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
        body = await _body(request)
        if body is None:
            return _error(400, "refused")
        refusal = self._check_code(request, body.get("code"))
        if refusal is not None:
            return refusal
        return _json({"teams": list(self.bridge.current().teams)})

    async def _join(self, request: web.Request) -> web.Response:
        body = await _body(request)
        if body is None:
            return _error(400, "refused")
        refusal = self._check_code(request, body.get("code"))
        if refusal is not None:
            return refusal
        team = body.get("team")
        if not isinstance(team, int) or isinstance(team, bool) or not 0 <= team < len(self.bridge.current().teams):
            return _error(400, "refused")
        token = secrets.token_urlsafe(18)
        with self._tokens_lock:
            self._tokens[token] = (team, self.bridge.current().teams, self._clock())
            while len(self._tokens) > MAX_TOKENS:
                self._tokens.popitem(last=False)
        return _json({"token": token, "team": team})

    async def _leave(self, request: web.Request) -> web.Response:
        """The phone leaves its team: its token no longer answers for it, and it needs the room code again."""
        with self._tokens_lock:
            self._tokens.pop(request.headers.get("X-Token", ""), None)
        return _json({"left": True})

    def phones(self, team: int) -> int:
        """How many phones are in `team` now (joined this game and seen lately). Any thread may ask."""
        teams, since = self.bridge.current().teams, self._clock() - SEEN_SECONDS
        with self._tokens_lock:
            return sum(1 for t, game, seen in self._tokens.values() if t == team and game == teams and seen >= since)

    def _check_code(self, request: web.Request, code: Any) -> web.Response | None:
        peer = request.remote or ""
        if isinstance(code, str) and secrets.compare_digest(code.strip(), self.code):
            return None
        if not self._wrong_codes.allow(peer):
            return _error(429, "too_many")
        return _error(403, "bad_code")

    def _team_of(self, request: web.Request) -> int | None:
        """The team the phone joined; None if unknown, or if another game started since (join again)."""
        token = request.headers.get("X-Token", "")
        with self._tokens_lock:
            joined = self._tokens.get(token)
            if joined is None or joined[1] != self.bridge.current().teams:
                return None
            self._tokens[token] = (joined[0], joined[1], self._clock())
            self._tokens.move_to_end(token)
        return joined[0]

    async def _view(self, request: web.Request) -> web.Response:
        team = self._team_of(request)
        if team is None:
            return _error(401, "expired")
        token = request.headers["X-Token"]
        since = request.query.get("since", "")
        published = self.bridge.current()
        if since == str(published.version) and self._changed is not None:
            if self._waiting.get(token, 0) >= MAX_WAITING_PER_PHONE or self._waiting_total >= MAX_WAITING:
                return _error(429, "too_many")
            self._waiting[token] = self._waiting.get(token, 0) + 1
            self._waiting_total += 1
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), POLL_SECONDS)
            finally:
                self._waiting_total -= 1
                self._waiting[token] -= 1
                if not self._waiting[token]:
                    del self._waiting[token]
            published = self.bridge.current()
        return _json(view_json(published, team, _language(request, published.languages)))

    async def _answer(self, request: web.Request) -> web.Response:
        team = self._team_of(request)
        if team is None:
            return _error(401, "expired")
        body = await _body(request)
        if body is None:
            return _error(400, "refused")
        card, option, tool = body.get("card"), body.get("option"), body.get("tool")
        if body.get("team") != team:
            return _error(403, Refusal.WRONG_TEAM.value)
        if not (_is_id(card) and _is_id(option) and (tool is None or _is_id(tool))):
            return _error(400, Refusal.NOT_LEGAL.value)
        answer = Answer(card, option, tool)
        published = self.bridge.current()
        if team not in published.open:
            return _error(409, Refusal.CLOSED.value)  # the game would refuse it too: spare it the trip
        verdict = self.bridge.send(team, answer)
        try:
            refusal = await asyncio.wait_for(asyncio.wrap_future(verdict), self._verdict_seconds)
        except TimeoutError:
            return _json({"queued": True}, status=202)  # the game is busy; the view will show the outcome
        if refusal is not None:
            return _error(409, refusal.value)
        return _json({"recorded": answer.to_json(), "version": self.bridge.current().version})


# The projector's strings the page shows too: one sentence for "how many have answered" on both.
SHARED_STRINGS = {"answered_count": "round.count", "answered_count_one": "round.count_one"}


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


async def _body(request: web.Request) -> dict[str, Any] | None:
    """The request's JSON object, or None for anything else (a body over MAX_BODY raises 413)."""
    try:
        data = json.loads(await request.read())
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False))


def _error(status: int, key: str) -> web.Response:
    response = _json({"error": key}, status=status)
    response.headers.update(SECURITY_HEADERS)
    return response
