package dev.partyline.tools.bench

/** One server message as a bench client got it: its [text] and the `System.nanoTime()` of its arrival. */
class Received(val text: String, val nanos: Long) {
    val type: String get() = BenchWire.type(text)
}

/** A run-ending problem of one client (an `error`, a `goodbye`, a lost connection), as a message for the report. */
class BenchFailure(message: String) : Exception(message)
