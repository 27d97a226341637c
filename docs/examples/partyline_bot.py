#!/usr/bin/env python3
"""A Partyline bot in plain asyncio (standard library only).

It joins a room over TCP (or creates one, and starts the game when someone joins), plays quiz
(a random answer after a short think) and memory in turns mode (it remembers every face it
sees) until game_over, then prints the standings.
"""
import argparse
import asyncio
import json
import random
import sys


class Bot:
    def __init__(self, writer, think):
        self.writer, self.think = writer, think
        self.me, self.hosting = None, False
        self.cards, self.seen, self.matched, self.up = 0, {}, set(), []

    def send(self, message):
        self.writer.write((json.dumps(message) + "\n").encode())

    def later(self, message):
        """Sends message after a short think, without holding up the reading."""
        delay = self.think * random.uniform(0.5, 1.5)
        asyncio.get_running_loop().call_later(delay, self.send, message)

    def handle(self, m):
        """Reacts to one server message; returns an exit status when the bot is done."""
        kind = m["type"]
        if kind == "welcome":
            self.me = m["player"]
        elif kind == "ping":
            self.send({"type": "pong", "t": m.get("t")})
        elif kind == "error":
            print(f"error {m['code']}: {m['message']}", file=sys.stderr)
            if m.get("re") == "enter":
                return 1
        elif kind == "room" and m.get("re") == "enter":
            print(f"room {m['code']} ({m['game']}), {m['you']['role']}", flush=True)
        elif kind == "player_joined" and self.hosting:
            self.hosting = False
            self.send({"type": "start"})
        elif kind == "question":
            self.answer(m)
        elif kind == "board":
            self.cards = m["rows"] * m["cols"]
            self.my_turn(m.get("turn"))
        elif kind == "turn":
            self.my_turn(m.get("player"))
        elif kind == "flipped":
            self.seen[m["card"]] = m["face"]
            if m["by"] == self.me and len(self.up) == 1:
                self.flip()
        elif kind == "match":
            self.matched.update(m["cards"])
        elif kind == "game_over":
            print("game over")
            for row in m["leaderboard"]:
                print(f"{row['rank']:>3}. {row['name']:<24} {row['score']:>6}")
            return 0

    def answer(self, q):
        """Quiz: the server never sends the answer, so guess: any choice, any set, any word."""
        n = len(q.get("choices", []))
        reply = {"type": "answer", "index": q["index"]}
        if q["kind"] == "multi":
            reply["choices"] = random.sample(range(n), random.randint(1, n))
        elif q["kind"] == "typed":
            reply["text"] = random.choice(q["text"].split())
        else:
            reply["choice"] = random.randrange(n)
        self.later(reply)

    def my_turn(self, player):
        self.up = []
        if player == self.me:
            self.flip()

    def flip(self):
        """Memory: the mate of the card showing, else one of a known pair, else an unseen card."""
        known = {c: f for c, f in self.seen.items() if c not in self.matched and c not in self.up}
        if self.up:
            wanted = [c for c, f in known.items() if f == self.seen[self.up[0]]]
        else:
            faces = list(known.values())
            wanted = [c for c, f in known.items() if faces.count(f) == 2]
        unseen = [c for c in range(self.cards) if c not in self.seen]
        card = wanted[0] if wanted else random.choice(unseen)
        self.up.append(card)
        self.later({"type": "flip", "card": card})


async def main():
    p = argparse.ArgumentParser(description="A Partyline bot over TCP.")
    p.add_argument("room", help='a room code to join, or "quiz" or "memory" to create one')
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7070)
    p.add_argument("--name", default="pybot")
    p.add_argument("--think", type=float, default=0.5, help="seconds to think per move")
    p.add_argument("--options", default="{}", help="room options (JSON) when creating")
    args = p.parse_args()

    reader, writer = await asyncio.open_connection(args.host, args.port)
    bot = Bot(writer, args.think)
    bot.send({"type": "hello", "name": args.name, "protocol": 1, "bot": True, "client": "partyline_bot.py"})
    if args.room in ("quiz", "memory"):
        options = {"hostPlays": True} if args.room == "quiz" else {}
        options.update(json.loads(args.options))
        bot.hosting = True
        bot.send({"type": "create", "game": args.room, "options": options, "id": "enter"})
    else:
        bot.send({"type": "join", "room": args.room, "as": "player", "id": "enter"})
    try:
        while line := await reader.readline():
            status = bot.handle(json.loads(line))
            if status is not None:
                return status
        print("the server closed the connection", file=sys.stderr)
        return 1
    finally:
        writer.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
