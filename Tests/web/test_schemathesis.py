"""The JSON API fuzzed from its own OpenAPI file (openapi/tongket-web.yaml) by schemathesis, for a
bounded run (SCHEMATHESIS_SECONDS, default 60, each of two runs): as Sở Nội vụ's token and as one
unit's token. Whatever it sends, the server never answers 5xx."""

import os
import shutil
import subprocess
import tempfile
import unittest

from client import PageSession
from server import ROOT, Server, create_accounts

SECONDS = os.environ.get("SCHEMATHESIS_SECONDS", "60")
SPEC = os.path.join(ROOT, "openapi", "tongket-web.yaml")


class SchemathesisTest(unittest.TestCase):
    def run_as(self, server, token, label):
        command = [shutil.which("schemathesis") or "schemathesis", "run", SPEC, "--url", server.url,
                   "--header", f"Authorization: Bearer {token}", "--checks", "not_a_server_error",
                   "--max-time", SECONDS, "--max-examples", "200", "--seed", "2020",
                   "--request-timeout", "30", "--workers", "2"]
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                                env=dict(os.environ, SCHEMATHESIS_HOOKS="", NO_COLOR="1"))
        tail = "\n".join(result.stdout.splitlines()[-40:])
        self.assertEqual(0, result.returncode, f"schemathesis ({label}):\n{tail}\n{result.stderr[-2000:]}")
        counts = [line.strip() for line in result.stdout.splitlines() if "generated" in line]
        print(f"schemathesis ({label}): " + (counts[-1] if counts else result.stdout.strip()[-200:]))

    def test_no_server_error(self):
        work = tempfile.mkdtemp(prefix="tongket-web-schemathesis-")
        try:
            server = Server(os.path.join(work, "du-lieu")).start()
            accounts = create_accounts(server.data)
            # The administrator's token works once the one-time password has been changed.
            PageSession(server.url).log_in("quan-tri", server.admin_password, "Quan-tri-schemathesis-2020!")
            try:
                self.run_as(server, server.admin_token, "quản trị")
                self.run_as(server, accounts["so-tu-phap"]["api_token"], "đơn vị so-tu-phap")
            finally:
                server.stop()
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
