"""A tiny HTTP service for the local-service tests: starts in a blink.

GET /health  -> 200 "ok"
GET /release -> 200 and the content of the RELEASE file in the working directory
GET /slow    -> the same after 1.5 seconds (a request still running during a swap);
               "slow request started" goes to stdout when it begins
Listens on 127.0.0.1:$PORT. Dies at once on SIGTERM (no graceful shutdown of its own),
so only the forwarder's drain keeps a running request alive.
"""

import http.server
import os
import time
from pathlib import Path


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.path == "/health":
            body = b"ok"
        elif self.path in ("/release", "/slow"):
            if self.path == "/slow":
                print("slow request started", flush=True)
                time.sleep(1.5)
            body = Path("RELEASE").read_bytes()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        print(format % args, flush=True)


server = http.server.ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
print(f"serving on 127.0.0.1:{os.environ['PORT']}", flush=True)
server.serve_forever()
