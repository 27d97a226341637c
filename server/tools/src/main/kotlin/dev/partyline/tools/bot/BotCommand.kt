package dev.partyline.tools.bot

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.options.default
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.options.required
import com.github.ajalt.clikt.parameters.types.double
import com.github.ajalt.clikt.parameters.types.int
import com.github.ajalt.clikt.parameters.types.long
import com.github.ajalt.clikt.parameters.types.restrictTo

/** `partyline-tools bot`: joins bots to a room over TCP (or WebSocket with `--ws`); [settings] holds the parsed flags once run. */
class BotCommand : CliktCommand(name = "bot") {
    override fun help(context: Context) =
        "Joins bots to a room over TCP, or WebSocket with --ws. They play quiz and memory; they never know quiz answers, so skill is speed (quiz) and recall (memory)."

    private val server by option(help = "server host").default("127.0.0.1")
    private val tcpPort by option(help = "server raw TCP port").int().default(7070)
    private val ws by option("--ws", help = "connect over WebSocket (ws://SERVER:HTTP_PORT/ws) instead of TCP").flag()
    private val httpPort by option(help = "server HTTP port, for --ws").int().default(8080)
    private val room by option(help = "room code to join").required()
    private val count by option(help = "how many bots").int().restrictTo(1..1000).default(1)
    private val skill by option(help = "0..1: quiz answer speed, memory recall").double().restrictTo(0.0..1.0).default(0.7)
    private val thinkMs by option(help = "base think time between moves (ms)").long().restrictTo(0L..60_000L).default(BotSettings.DEFAULT_THINK_MILLIS)
    private val seed by option(help = "seed for repeatable choices").long()

    /** The parsed settings, once [main] has run this subcommand. */
    var settings: BotSettings? = null
        private set

    override fun run() {
        settings = BotSettings(host = server, tcpPort = tcpPort, httpPort = httpPort, webSocket = ws, room = room, count = count, skill = skill, thinkMillis = thinkMs, seed = seed)
    }
}
