"""A player on a real network who stops reading: SlowReaderSpec's stalled client.

Loopback gives a TCP connection a 64 KiB segment size, and so the server's kernel a send buffer
of megabytes; this client asks for the segments of a real network (1400 bytes) and a small
receive window, as a phone would have. Java cannot set TCP_MAXSEG; Python can.

Usage: stalled_reader.py PORT ROOM. It joins ROOM and reads along; the first line on stdin
stops its reading, the second makes it read everything left until the server closes the
connection (or resets it), and print how many lines it got, the last one, and how it ended.
"""
import socket
import sys
import threading

port, room = int(sys.argv[1]), sys.argv[2]
sock = socket.socket()
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 1400)
sock.connect(("127.0.0.1", port))
sock.sendall(b'{"type":"hello","name":"stalled","protocol":1}\n' + b'{"type":"join","room":"%s"}\n' % room.encode())

received = bytearray()
stalled = threading.Event()


def read_along():
    while not stalled.is_set():
        chunk = sock.recv(4096)
        if not chunk:
            return
        received.extend(chunk)


reader = threading.Thread(target=read_along, daemon=True)
reader.start()
print("joined", flush=True)
sys.stdin.readline()
stalled.set()
print("stalled", flush=True)
sys.stdin.readline()
reader.join(10)
sock.settimeout(10)
ended = "closed"
try:
    while chunk := sock.recv(65536):
        received.extend(chunk)
except ConnectionResetError:
    ended = "reset"
except TimeoutError:
    ended = "still open"
lines = received.decode("utf-8", "replace").splitlines()
print("read %d lines, %s; last: %s" % (len(lines), ended, lines[-1] if lines else ""), flush=True)
