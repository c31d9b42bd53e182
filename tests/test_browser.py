"""HTML report in a real headless chromium, driven over the DevTools pipe (stdlib only)."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from claimcheck.report import render

pytestmark = pytest.mark.browser


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("chromium is not installed (CI must run the browser test; .ci/run installs it)")
    pytest.skip("chromium not installed (apt-get install chromium)")


class CDP:
    """Minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, binary: str, profile: Path):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire() -> None:
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        args = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--remote-debugging-pipe", f"--user-data-dir={profile}", "--window-size=1200,1000", "about:blank"]
        self.proc = subprocess.Popen(args, preexec_fn=wire, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buf:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method: str, limit: int = 500) -> dict[str, Any]:
        for ev in self.events:
            if ev.get("method") == method:
                return ev
        for _ in range(limit):
            ev = self._read()
            self.events.append(ev)
            if ev.get("method") == method:
                return ev
        raise RuntimeError(f"no {method} event")

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


@pytest.fixture
def page(tmp_path: Path, make_report):
    cdp = CDP(_chromium(), tmp_path / "profile")
    try:
        target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = cdp.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            cdp.send(f"{domain}.enable", session=session)
        html_file = tmp_path / "report.html"
        buf = io.StringIO()
        import dataclasses

        from claimcheck.models import Review

        reviewed = dataclasses.replace(make_report(hostile=True), reviews=(
            Review("f-1a2b3c", "dismissed", "a different plant <b>not bold</b>", "Ana Editor", "2026-12-04T16:40:00Z"),))
        render(reviewed, "html", buf)
        html_file.write_text(buf.getvalue(), encoding="utf-8")
        cdp.events.clear()
        cdp.send("Page.navigate", {"url": html_file.as_uri()}, session=session)
        cdp.wait_event("Page.loadEventFired")

        def js(expr: str) -> Any:
            res = cdp.send("Runtime.evaluate", {"expression": expr, "returnByValue": True}, session=session)
            assert "exceptionDetails" not in res, res
            return res["result"].get("value")

        yield cdp, session, js
    finally:
        cdp.close()


VISIBLE_EVENTS = "Array.from(document.querySelectorAll('.ev')).filter(e => e.offsetParent !== null).length"


def _errors(cdp: CDP) -> list[dict]:
    bad = []
    for ev in cdp.events:
        m, p = ev.get("method"), ev.get("params", {})
        if m == "Runtime.exceptionThrown":
            bad.append(p)
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            bad.append(p)
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            bad.append(p)
    return bad


def test_html_report_in_browser(page, tmp_path: Path) -> None:
    cdp, session, js = page
    # Loads with no console errors (a CSP violation from an injected script would be one).
    assert _errors(cdp) == []
    # Our own script ran (the counter is filled in) and no hostile script or handler ran.
    assert js("document.getElementById('shown-count').textContent") == "4"
    assert js("window.__pwned === undefined") is True
    assert js("document.querySelectorAll('script').length") == 2
    assert js("document.querySelectorAll('img').length") == 0
    assert js("Array.from(document.querySelectorAll('a[href]')).filter(a => "
              "!a.getAttribute('href').startsWith('#')).length") == 0
    # Timeline: 5 dated statements, 4 aligned ones shown by default (the third-party one is not).
    assert js("document.querySelectorAll('.ev').length") == 5
    assert js(VISIBLE_EVENTS) == 4
    assert js("document.querySelectorAll('svg.links line:not(.off)').length") == 2
    # A real click on the "every statement" checkbox shows the fifth event.
    box = js("(() => { const r = document.getElementById('f-all').getBoundingClientRect();"
             " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    for kind in ("mousePressed", "mouseReleased"):
        cdp.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                              "clickCount": 1}, session=session)
    assert js("document.getElementById('f-all').checked") is True
    assert js(VISIBLE_EVENTS) == 5
    # Level filter: only the contradiction's public statement is on the timeline (its internal
    # side is undated); its finding card stays, the tension card and both tension lines hide.
    js("(() => { const s = document.getElementById('f-level'); s.value = 'contradiction';"
       " s.dispatchEvent(new Event('change')); })()")
    assert js(VISIBLE_EVENTS) == 1
    assert js("document.getElementById('f-f-1a2b3c').offsetParent === null") is True
    assert js("document.getElementById('f-f-9z8y7x').offsetParent !== null") is True
    assert js("document.querySelectorAll('svg.links line:not(.off)').length") == 0
    # Entity filter (level back to any): the Border Agency appears only in the first email.
    js("(() => { const l = document.getElementById('f-level'); l.value = '';"
       " const s = document.getElementById('f-entity'); s.value = 'Border Agency';"
       " s.dispatchEvent(new Event('change')); })()")
    assert js(VISIBLE_EVENTS) == 2  # the pilot email and the range email both name it
    # The review status and note show on the reviewed finding's card, as text (no markup).
    js("(() => { const s = document.getElementById('f-entity'); s.value = '';"
       " s.dispatchEvent(new Event('change')); })()")
    assert js("document.querySelector('#f-f-1a2b3c .status').offsetParent !== null") is True
    assert js("document.querySelector('#f-f-1a2b3c .status').innerText.trim().toLowerCase()") == "dismissed"
    note = js("document.querySelector('#f-f-1a2b3c .review').innerText")
    assert "a different plant <b>not bold</b>" in note and "Ana Editor" in note
    assert js("document.querySelector('#f-f-1a2b3c .review b')") is None
    assert js("document.querySelector('#f-f-9z8y7x .status')") is None  # unreviewed: no badge
    # The embedded data parses and is the JSON contract.
    data = js("JSON.parse(document.getElementById('claimcheck-data').textContent).statements.length")
    assert data == 6
    assert _errors(cdp) == []
    shot = cdp.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
    png = base64.b64decode(shot)
    (tmp_path / "report.png").write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
