# SPDX-License-Identifier: MIT
"""Answers from the teams' phones, on the room's local network (issue 12, part 2).

- `room`: the narrow interface the phone server needs from the game (`Room`, a typed Protocol), the views a
  phone is shown, and that interface over the engine's `Match`: `TurnRoom` for turn play, `RoundRoom` for
  a game played all at once.
- `bridge`: hands answers from the server's thread to the game's through a queue the game loop drains, and
  the game's published views back; the game's state never leaves the game's thread.
- `server`: the asyncio web server (aiohttp): the page, its small JSON API, room code, rate and size
  limits; bound to the local network only.
- `network`: which address is the local network's; `qr`: the QR code the projector shows.
- `static/`: the phone's page (plain HTML, CSS and JavaScript, no framework, works offline).

No pygame here: the front end wires these in (`booster play --phones`).
"""
