import socket

import pytest

from tests.conftest import NetworkBlocked, guarded_connect, is_loopback


def test_guard_is_installed_for_the_whole_session() -> None:
    assert socket.socket.connect is guarded_connect


def test_non_loopback_connections_are_refused_before_any_packet() -> None:
    assert socket.socket.connect is guarded_connect  # only then is the call below safe
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(NetworkBlocked):
        s.connect(("192.0.2.1", 9))  # TEST-NET-1, refused by the guard itself
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("huggingface.co", 443)


def test_loopback_is_allowed() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("10.0.0.1") and not is_loopback("example.org")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
