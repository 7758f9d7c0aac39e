"""Nothing lost (issue 12, item 6): a stream of uploads from several clients while the server is
killed with SIGKILL at a random moment, many times over one data folder. After each kill the
database passes `PRAGMA integrity_check`, every upload the server acknowledged is there (its row
and its stored file, found by SHA-256), no row points at a missing file, and the restarted server
goes on accepting uploads. Rounds: KILL_ROUNDS (default 20)."""

import hashlib
import os
import random
import shutil
import sqlite3
import tempfile
import threading
import time
import unittest

from client import api
from server import ROOT, Server, create_accounts

EXAMPLES = os.path.join(ROOT, "examples", "thanh-hoa-2020")
ROUNDS = int(os.environ.get("KILL_ROUNDS", "20"))


def stored_hashes(data):
    """The integrity check, every stored file's SHA-256 (tep_nop) and every upload's (lan_nop)."""
    connection = sqlite3.connect(os.path.join(data, "tongket.sqlite"))
    try:
        check = connection.execute("PRAGMA integrity_check").fetchall()
        files = {row[0].lower() for row in connection.execute("SELECT sha256 FROM tep_nop")}
        uploads = {row[0].lower() for row in connection.execute("SELECT sha256 FROM lan_nop")}
        half = connection.execute(
            "SELECT COUNT(*) FROM lan_nop WHERE id NOT IN (SELECT lan_nop_id FROM tep_nop)").fetchone()[0]
        return check, files, uploads, half
    finally:
        connection.close()


def stored_files(data):
    names = set()
    for folder, _, files in os.walk(os.path.join(data, "tep")):
        for name in files:
            names.add(name.split(".")[0].lower())
    return names


class KillTest(unittest.TestCase):
    def test_kill_during_uploads(self):
        work = tempfile.mkdtemp(prefix="tongket-web-kill-")
        data = os.path.join(work, "du-lieu")
        try:
            server = Server(data).start()
            accounts = create_accounts(data)
            units = [u for u in sorted(accounts) if os.path.exists(os.path.join(EXAMPLES, u + ".yaml"))]
            self.assertGreaterEqual(len(units), 3)
            texts = {}
            for unit in units:
                with open(os.path.join(EXAMPLES, unit + ".yaml"), "rb") as handle:
                    texts[unit] = handle.read()
            acknowledged = {}
            counter = [0]
            lock = threading.Lock()
            for round_number in range(ROUNDS):
                stop = threading.Event()

                def client(unit):
                    while not stop.is_set():
                        with lock:
                            counter[0] += 1
                            number = counter[0]
                        body = texts[unit] + f"\n# lần gửi {number}\n".encode()
                        try:
                            status, answer = api(server.url, "PUT", f"/api/v1/units/{unit}/submission",
                                                 accounts[unit]["api_token"], body, timeout=10)
                        except OSError:
                            return  # the server died mid-request: not acknowledged
                        if status == 200:
                            with lock:
                                acknowledged[hashlib.sha256(body).hexdigest()] = (unit, number)

                threads = [threading.Thread(target=client, args=(u,)) for u in units]
                for thread in threads:
                    thread.start()
                time.sleep(random.uniform(0.3, 1.5))
                server.kill()
                stop.set()
                for thread in threads:
                    thread.join(30)
                check, files, uploads, half = stored_hashes(data)
                self.assertEqual([("ok",)], check, f"vòng {round_number}")
                missing = set(acknowledged) - (files | uploads)
                self.assertEqual(set(), missing, f"vòng {round_number}: đã xác nhận mà không còn")
                self.assertEqual(0, half, f"vòng {round_number}: lần nộp không có tệp nào")
                orphans = files - stored_files(data)
                self.assertEqual(set(), orphans, f"vòng {round_number}: dòng trỏ tới tệp không có")
                server = Server(data).start()
            self.assertGreater(len(acknowledged), ROUNDS, "phải có lần gửi được xác nhận")
            unit = units[0]
            status, _ = api(server.url, "PUT", f"/api/v1/units/{unit}/submission", accounts[unit]["api_token"],
                            texts[unit])
            self.assertEqual(200, status)
            server.stop()
            print(f"kill: {ROUNDS} vòng, {len(acknowledged)} lần gửi được xác nhận, không mất lần nào")
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
