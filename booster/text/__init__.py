# SPDX-License-Identifier: MIT
"""Words and their look, the same on screen, on paper and on phones (layer 3: imports the deck and the engine).

- `i18n`: every translatable string of the program (`ui.<lang>.yaml` beside it), English as the fallback;
- `wrap`: the one way text is broken into lines; `fonts`: the bundled fonts and which one draws a character;
- `style`: the palette, the pillars' colours and shapes.
"""
