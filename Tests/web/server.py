"""Starts and stops tongket-web on loopback for the web tests and the load benchmark.

The server is the built binary, run as a user would run it: a fresh data folder, port 0, the
bundled outline. What it prints on first start (the administrator's one-time password, the API
token, the address) is read from its standard output, as an operator would read it.
"""

import csv
import os
import re
import signal
import subprocess
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("TONGKET_WEB", os.path.join(ROOT, ".build", "debug", "tongket-web"))


class Server:
    """One tongket-web process over one data folder; restartable on the same folder."""

    def __init__(self, data, outline="cchc-2011-2020", as_of="25/04/2020", extra=()):
        self.data = data
        self.outline = outline
        self.as_of = as_of
        self.extra = list(extra)
        self.process = None
        self.url = None
        self.admin_password = None
        self.admin_token = None
        self.output = []

    def start(self, timeout=60):
        command = [BINARY, "serve", "--data", self.data, "--host", "127.0.0.1", "--port", "0",
                   "--outline", self.outline, "--as-of", self.as_of] + self.extra
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, encoding="utf-8")
        ready = threading.Event()

        def read():
            for line in self.process.stdout:
                self.output.append(line)
                match = re.match(r"Mật khẩu dùng một lần: (\S+)", line)
                if match:
                    self.admin_password = match.group(1)
                match = re.match(r"Mã API: (\S+)", line)
                if match:
                    self.admin_token = match.group(1)
                match = re.match(r"Đang phục vụ tại (http://\S+)", line)
                if match:
                    self.url = match.group(1).rstrip("/")
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(timeout) or self.url is None:
            self.kill()
            raise RuntimeError("tongket-web không khởi động:\n" + "".join(self.output))
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/api/v1/health", timeout=5) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("tongket-web không trả lời /api/v1/health")

    def kill(self, sig=signal.SIGKILL):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(30)
        if self.process and self.process.stdout:
            self.process.stdout.close()

    def stop(self):
        self.kill(signal.SIGTERM)


def create_accounts(data, outline="cchc-2011-2020", api_ready=True):
    """Runs `tongket-web accounts` and returns {unit id: row} from the CSV it writes. With
    `api_ready` (as a provincial system integrating by API would ask) the units' API tokens work
    before their first login; their pages still demand the initial password be changed."""
    path = os.path.join(data, "tai-khoan-%d.csv" % time.time_ns())
    command = [BINARY, "accounts", "--data", data, "--outline", outline, "--export", path]
    subprocess.run(command + (["--api-ready"] if api_ready else []), check=True, capture_output=True)
    with open(path, encoding="utf-8") as handle:
        return {row["ma_don_vi"]: row for row in csv.DictReader(handle)}
