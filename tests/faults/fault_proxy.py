"""A TCP proxy between sync clients and the server that misbehaves on purpose.

Each accepted connection is given one fault by a seeded RNG: passed through,
refused (closed before anything is forwarded), answer dropped (the request
reaches the server, which acts on it, and the reply is thrown away), answer
truncated (part of the reply, then the connection closes) or delayed. Faults
are off until ``start_faults()``, bounded (only ``faulty_connections``
connections can be faulted), and ``stop_faults()`` turns the proxy into a
plain pipe at once. Clients should not keep connections alive, so that every
request is a connection of its own and can meet a fault. The proxy runs its
own asyncio loop on a background thread so tests can drive synchronous
clients through it.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum


class Fault(Enum):
    NONE = "none"
    REFUSE = "refuse"
    DROP_ANSWER = "drop_answer"
    TRUNCATE_ANSWER = "truncate_answer"
    DELAY = "delay"


@dataclass
class FaultPlan:
    """How often each fault happens (the rest pass), how long delays last, and for how long."""

    seed: int = 1
    refuse: float = 0.1
    drop_answer: float = 0.1
    truncate_answer: float = 0.1
    delay: float = 0.15
    max_delay: float = 0.3
    faulty_connections: int = 400


@dataclass
class FaultCounts:
    """What the proxy did, by fault, so a test can show the faults really happened."""

    by_fault: Counter[Fault] = field(default_factory=Counter)

    def total(self, fault: Fault) -> int:
        return self.by_fault[fault]


class FaultProxy:
    """Listens on 127.0.0.1:``port`` and forwards to 127.0.0.1:``upstream_port``, with faults."""

    def __init__(self, upstream_port: int, plan: FaultPlan) -> None:
        self.upstream_port = upstream_port
        self.plan = plan
        self.counts = FaultCounts()
        self.port = 0
        self._random = random.Random(plan.seed)
        self._faulting = False
        self._connections = 0
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fault proxy did not start")
        return self

    def start_faults(self) -> None:
        """From now on connections are faulted as the plan says (off after start)."""
        self._faulting = True

    def stop_faults(self) -> None:
        """From now on every connection passes through untouched."""
        self._faulting = False

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    # -- loop thread ------------------------------------------------------

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            self._loop.close()

    def _choose(self) -> Fault:
        self._connections += 1
        if not self._faulting or self._connections > self.plan.faulty_connections:
            return Fault.NONE
        roll = self._random.random()
        plan = self.plan
        for fault, chance in (
            (Fault.REFUSE, plan.refuse),
            (Fault.DROP_ANSWER, plan.drop_answer),
            (Fault.TRUNCATE_ANSWER, plan.truncate_answer),
            (Fault.DELAY, plan.delay),
        ):
            if roll < chance:
                return fault
            roll -= chance
        return Fault.NONE

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        fault = self._choose()
        self.counts.by_fault[fault] += 1
        if fault is Fault.REFUSE:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()  # the server is down: the client sees a refused connection
            return
        delay = self._random.uniform(0.01, self.plan.max_delay)
        cut = self._random.randint(1, 200)
        upstream = asyncio.ensure_future(self._pipe(reader, up_writer))
        try:
            await self._answer(up_reader, writer, fault, delay, cut)
        finally:
            upstream.cancel()
            for stream in (writer, up_writer):
                stream.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _answer(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        fault: Fault,
        delay: float,
        cut: int,
    ) -> None:
        try:
            while data := await reader.read(65536):
                if fault is Fault.DROP_ANSWER:
                    return  # the server did the work; its answer never arrives
                if fault is Fault.TRUNCATE_ANSWER:
                    writer.write(data[: min(cut, len(data) - 1)])
                    await writer.drain()
                    return
                if fault is Fault.DELAY:
                    await asyncio.sleep(delay)
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
