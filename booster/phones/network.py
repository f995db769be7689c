# SPDX-License-Identifier: MIT
"""Which address is the room's local network, and whether a peer is on it.

The server binds to one private address of the laptop (the room's Wi-Fi or a phone hotspot), never to
every interface: a laptop that also has a public address does not serve the page there. Addresses are
read from the interfaces themselves; nothing is sent anywhere to find them.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys

DEFAULT_PORT = 8737
# Bridges that containers and virtual machines create: phones are never on them.
_VIRTUAL = ("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "lxc", "cni", "flannel", "podman", "tun", "tap")


def is_local(address: str) -> bool:
    """A loopback, private (RFC 1918, unique local) or link-local address: a peer in the room."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_link_local or (ip.is_private and not ip.is_unspecified and not ip.is_multicast)


def local_addresses() -> list[str]:
    """This machine's private IPv4 addresses that a phone can reach, best first (real interfaces before
    virtual bridges); empty when the laptop is on no local network."""
    found: list[tuple[int, str]] = []
    for name, address in _interface_addresses():
        ip = ipaddress.ip_address(address)
        if ip.is_loopback or not is_local(address):
            continue
        rank = 1 if name.startswith(_VIRTUAL) else 0
        found.append((rank, address))
    return [a for _, a in sorted(dict.fromkeys(found), key=lambda item: item[0])]


def _interface_addresses() -> list[tuple[str, str]]:
    if sys.platform.startswith("linux"):
        out = _linux_addresses()
        if out:
            return out
    out = []
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            out.append(("", str(info[4][0])))
    return out


def _linux_addresses() -> list[tuple[str, str]]:
    import fcntl

    siocgifaddr = 0x8915  # <linux/sockios.h>: the IPv4 address of one interface
    out: list[tuple[str, str]] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for _, name in socket.if_nameindex():
            try:
                request = struct.pack("256s", name.encode()[:15])
                reply = fcntl.ioctl(s.fileno(), siocgifaddr, request)
            except OSError:  # an interface without an IPv4 address
                continue
            out.append((name, socket.inet_ntoa(reply[20:24])))
    return out


def parse_bind(value: str | None) -> tuple[str | None, int]:
    """`--phones` takes nothing (the local network's address), `HOST`, `HOST:PORT`, `[IPV6]:PORT` or
    `:PORT`. Raises ValueError with a sentence for anything else."""
    if value is None or value in ("", "auto"):
        return None, DEFAULT_PORT
    if value.startswith("["):  # [::1]:8737
        host_text, _, rest = value[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else rest
    elif value.count(":") == 1:
        host_text, _, port_text = value.partition(":")
    else:  # a bare host, IPv4 or IPv6
        host_text, port_text = value, ""
    port = DEFAULT_PORT
    if port_text:
        if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
            raise ValueError(f"'{value}': the port must be a number from 0 to 65535, as in 192.168.1.20:8737")
        port = int(port_text)
    host = host_text or None
    if host is not None and not is_local(host):
        raise ValueError(
            f"'{host}' is not an address on a local network: give a private address of this laptop "
            "(192.168.x.x, 10.x.x.x, 172.16-31.x.x) or 127.0.0.1, or nothing to pick it"
        )
    return host, port
