package dev.partyline.server

import com.github.ajalt.clikt.core.main
import kotlinx.coroutines.awaitCancellation

/** Parses the command line, starts the server and serves until the process is stopped. */
suspend fun main(args: Array<String>) {
    val command = PartylineCommand()
    command.main(args)
    val config = command.config ?: return
    val server = PartylineServer(config).start()
    println(
        "Partyline ${PartylineServer.VERSION} listening: http://${config.host}:${server.httpPort}/ " +
            "(WebSocket /ws) and tcp://${config.host}:${server.tcpPort} (one JSON message per line)",
    )
    Runtime.getRuntime().addShutdownHook(Thread { server.stop() })
    awaitCancellation()
}
