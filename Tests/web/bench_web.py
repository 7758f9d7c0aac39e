"""Load on tongket-web over loopback (issue 12, item 7). Prints figures; asserts nothing.

  1. 52 units uploading at once (one upload each, all started together);
  2. 1,000 uploads from 20 concurrent clients;
  3. the board (Sở Nội vụ's page) with 10,000 units;
  4. the draft preview for 52 units: with the caches emptied before each request (every
     submission read and every section merged again), with them full, and after one unit's new upload.
Each line: count, p50, p95, p99 and max in milliseconds, beside the target of the issue.
UPLOADS (default 1000) and BOARD_UNITS (default 10000) bound the run.
"""

import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from client import PageSession, api
from server import BINARY, ROOT, Server, create_accounts

TONGKET = os.environ.get("TONGKET", os.path.join(os.path.dirname(BINARY), "tongket"))
UPLOADS = int(os.environ.get("UPLOADS", "1000"))
BOARD_UNITS = int(os.environ.get("BOARD_UNITS", "10000"))


def percentiles(samples):
    ordered = sorted(samples)

    def at(p):
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    return at(50), at(95), at(99), ordered[-1] * 1000


def line(label, samples, target):
    p50, p95, p99, top = percentiles(samples)
    print(f"{label:<44} {len(samples):>6} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {top:>8.1f}   {target}")
    sys.stdout.flush()


def generate(units, folder):
    subprocess.run([TONGKET, "generate", "--outline", "cchc-2011-2020", "--units", str(units), "-o", folder],
                   check=True, capture_output=True)
    reports = os.path.join(folder, "bao-cao")
    return os.path.join(folder, "de-cuong"), {n[:-5]: open(os.path.join(reports, n), "rb").read()
                                              for n in sorted(os.listdir(reports)) if n.endswith(".yaml")}


def history(database, units):
    """Two uploads per unit and the events of a reporting round, as tongket-web records them."""
    connection = sqlite3.connect(database)
    with connection:
        for number, unit in enumerate(units):
            upload = None
            for attempt in range(2):
                cursor = connection.execute(
                    "INSERT INTO lan_nop (don_vi, tai_khoan, thoi_gian, sha256, hop_le, so_loi, so_canh_bao, chan_doan) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, '[]')",
                    (unit, unit, f"2020-04-2{attempt}T08:00:00Z", f"{number:064x}", attempt, 1 - attempt, number % 3))
                upload = cursor.lastrowid
            events = [] if number % 4 == 0 else ["gui"]
            if number % 4 == 1:
                events += ["tra-lai", "gui"]
            if number % 2 == 1:
                events += ["chap-nhan"]
            for kind in events:
                connection.execute(
                    "INSERT INTO su_kien (don_vi, lan_nop_id, loai, ghi_chu, thoi_gian, ngay, tai_khoan) "
                    "VALUES (?, ?, ?, '', '2020-04-25T08:00:00Z', '2020-04-25', ?)", (unit, upload, kind, unit))
    connection.close()


def timed_upload(server, token, unit, body, samples, failures):
    started = time.perf_counter()
    status, _ = api(server.url, "PUT", f"/api/v1/units/{unit}/submission", token, body)
    elapsed = time.perf_counter() - started
    (samples if status == 200 else failures).append(elapsed if status == 200 else status)


def main():
    work = tempfile.mkdtemp(prefix="tongket-web-bench-")
    print(f"{'việc':<44} {'số lần':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}   mục tiêu", flush=True)

    outline, bodies = generate(52, os.path.join(work, "n52"))
    server = Server(os.path.join(work, "du-lieu-52"), outline=outline).start()
    tokens = {unit: row["api_token"] for unit, row in create_accounts(server.data, outline).items()}
    units = sorted(u for u in bodies if u in tokens)

    samples, failures = [], []
    threads = [threading.Thread(target=timed_upload, args=(server, tokens[u], u, bodies[u], samples, failures))
               for u in units]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    line(f"{len(units)} đơn vị gửi cùng lúc (gửi + kiểm tra)", samples, "")

    samples, failures = [], []
    queue = list(range(UPLOADS))
    lock = threading.Lock()

    def client():
        while True:
            with lock:
                if not queue:
                    return
                number = queue.pop()
            unit = units[number % len(units)]
            body = bodies[unit] + f"\n# lần {number}\n".encode()
            timed_upload(server, tokens[unit], unit, body, samples, failures)

    threads = [threading.Thread(target=client) for _ in range(20)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    line(f"{UPLOADS} lần gửi, 20 máy khách ({UPLOADS / wall:.0f}/s)", samples, "p99 < 300 ms")
    if failures:
        print(f"  lỗi: {len(failures)} lần ({sorted(set(failures))})")

    admin = PageSession(server.url).log_in("quan-tri", server.admin_password, "Quan-tri-do-tai-2020!")
    cache = os.path.join(server.data, "bo-nho-dem")

    def preview(samples, before=None):
        if before:
            before()
        started = time.perf_counter()
        admin.get("/du-thao?nguon=moi-nhat")
        samples.append(time.perf_counter() - started)

    # As before the caches: every submission read again and every section merged again.
    samples = []
    for _ in range(10):
        preview(samples, lambda: shutil.rmtree(cache, ignore_errors=True))
    line("xem trước dự thảo, 52 đơn vị, không đệm", samples, "< 1000 ms")
    samples = []
    for _ in range(10):
        preview(samples)
    line("  bộ nhớ đệm đầy, không gì đổi", samples, "")
    samples, ignored = [], []
    for number in range(10):
        unit = units[number % len(units)]
        # A sentence added to the unit's first paragraph: the sections it is in are merged again.
        changed = re.sub(rb"^    (\S)", f"    Câu thêm khi đo lần {number}. ".encode() + rb"\1", bodies[unit], count=1, flags=re.M)
        preview(samples, lambda: timed_upload(server, tokens[unit], unit, changed, ignored, failures))
    line("  sau một lần nộp mới của một đơn vị", samples, "")
    server.stop()

    # The board of 10,000 units, none of which has an account (10,000 bcrypt hashes would take
    # longer than the whole run). Its history is written straight into the database while the
    # server is stopped: every unit has uploaded twice, three in four have sent, one in four of
    # those has been returned and one in two accepted, so that every row reads real uploads and events.
    outline, generated = generate(BOARD_UNITS, os.path.join(work, f"n{BOARD_UNITS}"))
    data = os.path.join(work, "du-lieu-lon")
    server = Server(data, outline=outline).start()
    server.stop()
    units = sorted(generated)
    history(os.path.join(data, "tongket.sqlite"), units)
    server.start()
    admin = PageSession(server.url).log_in("quan-tri", server.admin_password, "Quan-tri-do-tai-2020!")
    samples = []
    for _ in range(20):
        started = time.perf_counter()
        admin.get("/tong-hop")
        samples.append(time.perf_counter() - started)
    line(f"bảng tổng hợp, {BOARD_UNITS} đơn vị", samples, "< 100 ms")
    server.stop()


if __name__ == "__main__":
    main()
