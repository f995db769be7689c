# SPDX-License-Identifier: MIT
"""A small W3C WebDriver client over HTTP (standard library only), for Debian's chromium-driver.

Enough to act as a person on a phone: open a page, type, tap, read text, take a screenshot, lose the
network. Every wait is bounded and polls the page; none is a timing assertion.
"""

from __future__ import annotations

import base64
import contextlib
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def available() -> bool:
    return Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()


class WebDriverError(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Driver:
    """One chromedriver process; each `Browser` it opens is a fresh phone (its own profile)."""

    def __init__(self, log: Path) -> None:
        self.port = _free_port()
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [CHROMEDRIVER, f"--port={self.port}"], stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                if self.call("GET", "/status").get("ready"):
                    break
            except (OSError, WebDriverError):
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise WebDriverError("chromedriver did not start")
            time.sleep(0.05)

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method)
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            detail = json.loads(e.read() or b"{}").get("value", {})
            raise WebDriverError(f"{method} {path}: {detail.get('error')}: {detail.get('message', '')[:300]}") from None

    def browser(self, profile: Path, size: tuple[int, int] = (412, 915), lang: str = "en") -> Browser:
        options: dict[str, Any] = {
            "binary": CHROMIUM,
            "args": [*ARGS, f"--user-data-dir={profile}", f"--lang={lang}"],
            "prefs": {"intl.accept_languages": lang},
        }
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        session = self.call("POST", "/session", caps)["sessionId"]
        browser = Browser(self, session)
        browser.call("POST", "/window/rect", {"width": size[0], "height": size[1]})
        return browser

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


class Browser:
    def __init__(self, driver: Driver, session: str) -> None:
        self.driver = driver
        self.session = session

    def call(self, method: str, path: str, body: Any = None) -> Any:
        return self.driver.call(method, f"/session/{self.session}{path}", body)

    def open(self, url: str) -> None:
        self.call("POST", "/url", {"url": url})

    def find(self, css: str) -> str:
        return self.call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def tap(self, css: str) -> None:
        self.call("POST", f"/element/{self.find(css)}/click", {})

    def type(self, css: str, text: str) -> None:
        element = self.find(css)
        self.call("POST", f"/element/{element}/clear", {})
        self.call("POST", f"/element/{element}/value", {"text": text})

    def run(self, script: str, *args: Any) -> Any:
        return self.call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def text(self, css: str) -> str:
        """The element's visible text ('' when it is hidden)."""
        return str(self.call("GET", f"/element/{self.find(css)}/text"))

    def visible(self, css: str) -> bool:
        return bool(
            self.run("const e = document.querySelector(arguments[0]); return !!e && !e.closest('[hidden]');", css)
        )

    def wait(self, condition: str, *args: Any, timeout: float = 15) -> Any:
        """Poll a JavaScript expression (`return ...`) until it is truthy; its value, or WebDriverError."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(condition, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise WebDriverError(f"still false after {timeout} s: {condition}")
            time.sleep(0.05)

    def wait_text(self, css: str, needle: str, timeout: float = 15) -> str:
        return str(
            self.wait(
                "const e = document.querySelector(arguments[0]);"
                "return e && !e.closest('[hidden]') && e.textContent.includes(arguments[1]) && e.textContent;",
                css,
                needle,
                timeout=timeout,
            )
        )

    def screenshot(self, path: Path) -> Path:
        path.write_bytes(base64.b64decode(self.call("GET", "/screenshot")))
        return path

    def offline(self, offline: bool) -> None:
        """Lose (or regain) the network, as a phone leaving the Wi-Fi or falling asleep."""
        conditions = {"offline": offline, "latency": 0, "download_throughput": -1, "upload_throughput": -1}
        self.call("POST", "/chromium/network_conditions", {"network_conditions": conditions})

    def close(self) -> None:
        with contextlib.suppress(OSError, WebDriverError):
            self.call("DELETE", "")
