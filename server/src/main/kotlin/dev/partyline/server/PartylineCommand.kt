package dev.partyline.server

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.store.DatabaseUrl
import dev.partyline.server.transport.ws.OriginPolicy
import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.subcommands
import com.github.ajalt.clikt.parameters.options.default
import com.github.ajalt.clikt.parameters.options.flag
import com.github.ajalt.clikt.parameters.options.option
import com.github.ajalt.clikt.parameters.options.split
import com.github.ajalt.clikt.parameters.options.validate
import com.github.ajalt.clikt.parameters.types.double
import com.github.ajalt.clikt.parameters.types.int
import com.github.ajalt.clikt.parameters.types.long
import com.github.ajalt.clikt.parameters.types.restrictTo

/**
 * The command line: every [ServerConfig] bound as a flag, each also read from the environment
 * as `PARTYLINE_<FLAG>` (e.g. `PARTYLINE_HTTP_PORT`). Without a subcommand it serves; `replay`
 * replays a file instead.
 */
class PartylineCommand : CliktCommand(name = "partyline") {
    init {
        partylineCommandLine()
        subcommands(ReplayCommand())
    }

    override val invokeWithoutSubcommand = true

    override fun help(context: Context) = "Runs the Partyline game-room server: quiz and memory rooms for browsers (WebSocket) and bots (TCP). The `bot` and `bench` programs are in server/tools/target/partyline-tools.jar."

    override fun helpEpilog(context: Context) =
        "Each option can also be set in the environment as PARTYLINE_<OPTION>, e.g. PARTYLINE_HTTP_PORT=9090 or PARTYLINE_IDLE_TIMEOUT_MS=60000; a flag on the command line wins."

    private val d = ServerConfig()
    private val host by option(help = "address to listen on").default(d.host)
    private val httpPort by option(help = "HTTP and WebSocket port (0 picks a free one)").int().default(d.httpPort)
    private val tcpPort by option(help = "raw TCP port (0 picks a free one)").int().default(d.tcpPort)
    private val maxLineBytes by option(help = "largest line or frame, in bytes").int().default(d.maxLineBytes)
    private val outboxCapacity by option(help = "messages queued per client before it is dropped as too slow").int().default(d.outboxCapacity)
    private val roomMailbox by option(help = "commands queued per room").int().default(d.roomMailbox)
    private val ratePerSecond by option(help = "messages per second a client may send").double().default(d.ratePerSecond)
    private val rateBurst by option(help = "burst of messages above the rate").int().default(d.rateBurst)
    private val rateStrikes by option(help = "seconds of flooding before a client is closed").int().default(d.rateStrikes)
    private val idleTimeoutMs by option(help = "close a connection silent this long (ms)").long().default(d.idleTimeoutMillis)
    private val graceMs by option(help = "keep a dropped player's seat this long (ms)").long().default(d.graceMillis)
    private val maxRooms by option(help = "rooms this server holds at most").int().default(d.maxRooms)
    private val defaultMaxPlayers by option(help = "a room's maxPlayers when its options name none").int().default(d.defaultMaxPlayers)
    private val maxPlayersCeiling by option(help = "the largest maxPlayers a room may ask for").int().default(d.maxPlayersCeiling)
    private val maxSpectators by option(help = "spectators a room holds at most").int().default(d.maxSpectators)
    private val allowedOrigins by option(help = "comma-separated browser origins (https://host[:port]) allowed to open a WebSocket besides the server's own")
        .split(",").default(d.allowedOrigins)
        .validate { list -> list.forEach { require(OriginPolicy.isOrigin(it)) { "'$it' is not an origin; write https://host[:port]" } } }
    private val failedJoinsPerMinute by option(help = "joins of unknown room codes per client address per minute (0: no limit)").int().restrictTo(min = 0).default(d.failedJoinsPerMinute)
    private val connectionsPerSecond by option(help = "new connections per client address per second").double().restrictTo(min = 0.0).default(d.connectionsPerSecond)
    private val connectionBurst by option(help = "burst of new connections per client address (0: no cap)").int().restrictTo(min = 0).default(d.connectionBurst)
    private val limitLoopback by option(help = "apply the per-address limits (failed joins, new connections) to loopback addresses too").flag()
    private val maxBotsPerRoom by option(help = "bots the server runs (add_bot) per room, at most").int().restrictTo(min = 0).default(d.maxBotsPerRoom)
    private val botThinkMs by option(help = "base think time of the server's bots between moves (ms)").long().restrictTo(0L..60_000L).default(d.botThinkMillis)

    private val dataDir by option(help = "where the embedded database keeps its files").default(d.dataDir)
    private val databaseUrl by option(help = "keep data in PostgreSQL instead: postgresql://user:password@host:port/database")
        .validate { runCatching { DatabaseUrl.parse(it) }.onFailure { e -> fail(e.message.orEmpty()) } }
    private val storeTimeoutMs by option(help = "a database call taking longer fails with 503 (ms)").long().restrictTo(min = 100L).default(d.storeTimeoutMillis)
    private val loginAttempts by option(help = "failed logins per account and per client address in the login window").int().restrictTo(min = 1).default(d.loginAttempts)
    private val loginWindowMs by option(help = "the window of the failed-login limit (ms)").long().restrictTo(min = 1000L).default(d.loginWindowMillis)
    private val imageQuotaMib by option(help = "the MiB one account's uploaded images may take together").long().restrictTo(min = 1L)
        .default(d.imageQuotaBytes / MIB)
    private val requestDeadlineMs by option(help = "an HTTP request must arrive whole within this long (ms), or its connection is closed").long().restrictTo(min = 100L).default(d.requestDeadlineMillis)
    private val trustProxy by option(help = "believe X-Forwarded-Proto from a proxy in front (for the Secure cookie flag)").flag()
    private val noJournal by option(help = "record no games (no reports or replays): only to measure what recording costs").flag()
    private val journalQueue by option(help = "journal entries queued for the database before rooms hold on to theirs").int().restrictTo(min = 1).default(d.journalQueue)

    /** The parsed configuration, once [main] has run without a subcommand. */
    var config: ServerConfig? = null
        private set

    override fun run() {
        if (currentContext.invokedSubcommand != null) return
        config = ServerConfig(
            host = host, httpPort = httpPort, tcpPort = tcpPort, maxLineBytes = maxLineBytes,
            outboxCapacity = outboxCapacity, roomMailbox = roomMailbox, ratePerSecond = ratePerSecond,
            rateBurst = rateBurst, rateStrikes = rateStrikes, idleTimeoutMillis = idleTimeoutMs,
            graceMillis = graceMs, maxRooms = maxRooms, defaultMaxPlayers = defaultMaxPlayers,
            maxPlayersCeiling = maxPlayersCeiling, maxSpectators = maxSpectators, allowedOrigins = allowedOrigins,
            maxBotsPerRoom = maxBotsPerRoom, botThinkMillis = botThinkMs,
            failedJoinsPerMinute = failedJoinsPerMinute, connectionsPerSecond = connectionsPerSecond,
            connectionBurst = connectionBurst, limitLoopback = limitLoopback,
            dataDir = dataDir, databaseUrl = databaseUrl, storeTimeoutMillis = storeTimeoutMs,
            loginAttempts = loginAttempts, loginWindowMillis = loginWindowMs, trustProxy = trustProxy,
            requestDeadlineMillis = requestDeadlineMs, imageQuotaBytes = imageQuotaMib * MIB,
            journal = !noJournal, journalQueue = journalQueue,
        )
    }
}

private const val MIB = 1024L * 1024
