package dev.partyline.server

import com.github.ajalt.clikt.core.main
import com.github.ajalt.clikt.core.subcommands
import dev.partyline.server.base.PARTYLINE_VERSION
import dev.partyline.server.bench.BenchCommand
import dev.partyline.server.bench.BenchRunner
import dev.partyline.server.bot.BotCommand
import dev.partyline.server.bot.BotSwarm
import dev.partyline.server.bot.PrintingBotListener
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlin.system.exitProcess

/**
 * Parses the command line, then starts the server and serves until the process is stopped, or,
 * with the `bot` subcommand, runs bots until all their connections end, or, with `bench`, runs
 * one load scenario against a server and exits non-zero if the run failed.
 */
suspend fun main(args: Array<String>) {
    capIoThreads()
    val bots = BotCommand()
    val bench = BenchCommand()
    val command = PartylineCommand().subcommands(bots, bench)
    command.main(args)
    bench.settings?.let { exitProcess(if (BenchRunner(it).run().ok) 0 else 1) }
    bots.settings?.let { settings ->
        coroutineScope {
            val listener = PrintingBotListener(settings.count)
            val printing = launch { listener.print() }
            BotSwarm(settings, listener).run()
            listener.close()
            printing.join()
        }
        return
    }
    val config = command.config ?: return
    val server = PartylineServer(config).start()
    println(
        "Partyline $PARTYLINE_VERSION listening: http://${config.host}:${server.httpPort}/ " +
            "(WebSocket /ws) and tcp://${config.host}:${server.tcpPort} (one JSON message per line)",
    )
    server.shutDownGracefullyOnExit()
    awaitCancellation()
}
