#!/usr/bin/env python3
"""A minimal SMTP server on 127.0.0.1 that accepts every message and appends one line per message and recipient
(recipient, Message-ID, subject) to a file: the reminder drill counts e-mails, and duplicates, from it."""
import email, email.header, socketserver, sys

OUT = sys.argv[2]

class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode()); self.wfile.flush()

    def handle(self):
        self.say("220 drill ESMTP")
        rcpts = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("utf-8", "replace").strip()
            verb = cmd[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.say("250 drill")
            elif verb == "MAIL":
                rcpts = []; self.say("250 ok")
            elif verb == "RCPT":
                rcpts.append(cmd.split(":", 1)[1].strip().strip("<>")); self.say("250 ok")
            elif verb == "DATA":
                self.say("354 end with .")
                data = []
                while True:
                    l = self.rfile.readline()
                    if l in (b".\r\n", b".\n", b""):
                        break
                    data.append(l[1:] if l.startswith(b"..") else l)
                msg = email.message_from_bytes(b"".join(data))
                subject = str(email.header.make_header(email.header.decode_header(msg.get("Subject", ""))))
                with open(OUT, "a", encoding="utf-8") as f:
                    for r in rcpts:
                        f.write(f"{r}\t{msg.get('Message-ID', '')}\t{subject}\n")
                self.say("250 queued")
            elif verb == "QUIT":
                self.say("221 bye"); return
            else:
                self.say("250 ok")

class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

Server(("127.0.0.1", int(sys.argv[1])), Session).serve_forever()
