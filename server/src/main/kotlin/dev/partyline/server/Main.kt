package dev.partyline.server

import com.github.ajalt.clikt.core.main
import dev.partyline.server.base.PARTYLINE_VERSION
import dev.partyline.server.store.StoreUnavailable
import kotlinx.coroutines.awaitCancellation
import kotlin.system.exitProcess

/** Parses the command line, then starts the server and serves until the process is stopped; `replay` runs and exits instead. */
suspend fun main(args: Array<String>) {
    if (args.firstOrNull() in MOVED_PROGRAMS) {
        System.err.println("`${args[0]}` has moved to the tools jar: java -jar server/tools/target/partyline-tools.jar ${args.joinToString(" ")}")
        exitProcess(2)
    }
    capIoThreads()
    val command = PartylineCommand()
    command.main(args)
    val config = command.config ?: return
    val server = try {
        PartylineServer(config).start()
    } catch (e: StoreUnavailable) {
        System.err.println("Partyline cannot start: ${e.message}")
        exitProcess(1)
    }
    println(
        "Partyline $PARTYLINE_VERSION listening: http://${config.host}:${server.httpPort}/ " +
            "(WebSocket /ws) and tcp://${config.host}:${server.tcpPort} (one JSON message per line)",
    )
    server.shutDownGracefullyOnExit()
    awaitCancellation()
}

/** Programs the server's jar ran before they moved to `partyline-tools.jar`. */
private val MOVED_PROGRAMS = setOf("bot", "bench")
