package dev.partyline.client

/** Where a Partyline server listens: its raw TCP port, or its WebSocket URL. */
sealed interface Endpoint {
    /** Raw TCP, one JSON message per line: [host]:[port] (the server's default port is 7070). */
    data class Tcp(val host: String, val port: Int) : Endpoint

    /** A WebSocket, one JSON message per text frame: [url] is `ws://host:8080/ws` by default. */
    data class WebSocket(val url: String) : Endpoint
}
