# SPDX-License-Identifier: MIT
"""Print and play: a PDF of a deck's cards (poker size, 3x3 a page, crop marks), its rules, board and credits."""
