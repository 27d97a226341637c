package dev.partyline.tools.bench

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.parameters.options.convert
import com.github.ajalt.clikt.parameters.options.default
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.options.required
import com.github.ajalt.clikt.parameters.types.choice
import com.github.ajalt.clikt.parameters.types.double
import com.github.ajalt.clikt.parameters.types.int
import com.github.ajalt.clikt.parameters.types.long
import com.github.ajalt.clikt.parameters.types.restrictTo

/** `partyline-tools bench`: drives a running server with many clients; [settings] holds the parsed flags once run. */
class BenchCommand : CliktCommand(name = "bench") {
    override fun help(context: Context) =
        "Load-tests a running server: idle (memory per connection), fanout (chat delivery latency), classroom (1,000 quiz rooms), stadium (one room of 5,000), race (one memory race of 1,000). Prints a table and writes JSON."

    private val scenario by option(help = "idle, fanout, classroom, stadium or race").choice(*Scenario.entries.map { it.id }.toTypedArray()).required()
    private val server by option(help = "server host").default("127.0.0.1")
    private val httpPort by option(help = "server HTTP port (WebSocket /ws and /metrics)").int().default(8080)
    private val tcpPort by option(help = "server raw TCP port").int().default(7070)
    private val transport by option(help = "tcp, ws or mixed (alternating)").choice("tcp", "ws", "mixed").default("ws")
    private val players by option(help = "clients (idle, fanout, race: default 1000; stadium: 5000)").int().restrictTo(1..1_000_000)
    private val rooms by option(help = "classroom rooms of 10").int().restrictTo(1..100_000).default(1000)
    private val roomSize by option(help = "members per room (idle, fanout, classroom)").int().restrictTo(2..10_000).default(10)
    private val rate by option(help = "fanout: chats per room per second").double().restrictTo(0.001..1000.0).default(1.0)
    private val duration by option(help = "seconds to hold (idle) or measure (fanout)").double().restrictTo(0.0..86_400.0).default(10.0)
    private val warmup by option(help = "fanout: seconds of unrecorded traffic first").double().restrictTo(0.0..3600.0).default(2.0)
    private val drain by option(help = "fanout: seconds without any delivery before the missing ones count as lost; idle: seconds to settle before measuring memory").double().restrictTo(0.0..600.0).default(2.0)
    private val questions by option(help = "quiz questions (classroom, stadium)").int().restrictTo(1..100).default(3)
    private val seconds by option(help = "seconds per question (5..120; default classroom 5, stadium 10)").int().restrictTo(5..120)
    private val revealSeconds by option(help = "pause after each reveal").int().restrictTo(0..60).default(1)
    private val board by option(help = "race: the board, ROWSxCOLS (2..8 each, an even number of cards)").convert { text ->
        BenchSettings.parseBoard(text) ?: fail("a board is ROWSxCOLS, 2..8 each, with an even number of cards, e.g. 4x4")
    }.default(4 to 4, defaultForHelp = "4x4")
    private val thinkMs by option(help = "race: mean think time before each flip, ms (each racer waits 50–150 % of it)").int().restrictTo(BenchSettings.THINK_MILLIS).default(100)
    private val sources by option(help = "loopback source addresses from 127.0.0.2 (default: ≤ 10,000 connections each, at least 2)").int().restrictTo(1..SourceAddresses.MAX)
    private val connectsInFlight by option(help = "connects in progress at once").int().restrictTo(1..100_000).default(256)
    private val joinTimeout by option(help = "seconds for everyone to join").double().restrictTo(1.0..3600.0).default(120.0)
    private val seed by option(help = "seed for think times, choices and the race's board").long().default(1)
    private val out by option(help = "JSON report file (default bench-<scenario>.json)")

    /** The parsed settings, once [main] has run this subcommand. */
    var settings: BenchSettings? = null
        private set

    override fun run() {
        val which = Scenario.byId(scenario)
        val base = BenchSettings(
            scenario = which, host = server, httpPort = httpPort, tcpPort = tcpPort, transport = ClientTransport.byId(transport),
            players = players ?: BenchSettings.defaultPlayers(which), rooms = rooms, roomSize = roomSize, rate = rate,
            durationSeconds = duration, warmupSeconds = warmup, drainSeconds = drain, questions = questions,
            seconds = seconds ?: BenchSettings.defaultSeconds(which), revealSeconds = revealSeconds,
            boardRows = board.first, boardCols = board.second, thinkMillis = thinkMs,
            connectsInFlight = connectsInFlight, joinTimeoutSeconds = joinTimeout, seed = seed,
        )
        settings = base.copy(sources = sources ?: base.sources, out = out ?: base.out)
    }
}
