"""Start the dashboard on 127.0.0.1 and a free port, and wait for a page to settle: for browser tests,
screenshots and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("PRICEWAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerFailed(RuntimeError):
    pass


class StreamlitServer:
    """``with StreamlitServer(data_dir=...) as url:`` runs ``streamlit run serve.py`` (the dashboard, as
    ``make run`` serves it) until the block ends.

    When the server does not come up, :class:`ServerFailed` carries everything it printed.
    """

    def __init__(self, data_dir: Path | str | None = None, timeout: float = 60, extra_env=None,
                 script: str = "serve.py"):
        self.data_dir, self.timeout, self.extra_env, self.script = data_dir, timeout, extra_env or {}, script
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)

    def output(self) -> str:
        return Path(self._log.name).read_text(errors="replace")

    def __enter__(self) -> str:
        env = {**os.environ, **self.extra_env}
        if self.data_dir is not None:
            env["PRICEWAR_DATA"] = str(self.data_dir)
        cmd = [sys.executable, "-m", "streamlit", "run", self.script, "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(self.port),
               "--browser.gatherUsageStats", "false"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerFailed(f"streamlit exited with {self.proc.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self.url
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise ServerFailed(f"streamlit did not answer /_stcore/health in {self.timeout:.0f} s:\n{self.output()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def __exit__(self, *exc) -> None:
        self.stop()


CONTENT = "[data-testid='stMain'] [data-testid='stElementContainer']"


def settle(page) -> None:
    """Wait until Streamlit has finished its run and the browser shows its result: the script idle and no
    element left over from an earlier run. Call it after waiting for what an action changes (a URL, a
    heading): right after a click the script has not started yet."""
    from playwright.sync_api import expect

    expect(page.locator("[data-testid='stApp']")).to_have_attribute("data-test-script-state", "notRunning",
                                                                    timeout=30_000)
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=30_000)
    # elements whose code loads on first use (charts, some widgets) stand as skeletons until it has
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0, timeout=30_000)
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
                           ".every(chart => chart.querySelector('.main-svg'))", timeout=30_000)


def open_page(page, url: str) -> None:
    """Go to ``url`` and wait for its first elements, the end of its run and everything drawn."""
    page.goto(url)
    page.wait_for_selector(CONTENT, timeout=30_000)
    settle(page)
