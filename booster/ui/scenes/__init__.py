# SPDX-License-Identifier: MIT
"""One module per scene; each is driven by events and draws into a Surface, so it runs headless."""
