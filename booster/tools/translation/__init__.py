# SPDX-License-Identifier: MIT
"""Translator tools: what each language misses or has out of date (`deck status`), a text file to fill in
(`deck translate`), and a record of what each translation was made from (`deck confirm`)."""
