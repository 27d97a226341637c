package dev.partyline.server

import dev.partyline.server.base.PARTYLINE_VERSION
import dev.partyline.server.base.Clock
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.bot.ServerBotPlayer
import dev.partyline.server.http.ClientLimits
import dev.partyline.server.http.HeadRequests
import dev.partyline.server.http.HttpAdmission
import dev.partyline.server.http.RequestDeadline
import dev.partyline.server.http.SecurityHeaders
import dev.partyline.server.http.api.ApiAuth
import dev.partyline.server.http.api.LoginLimiter
import dev.partyline.server.http.api.apiRoutes
import dev.partyline.server.http.api.installApiErrors
import dev.partyline.server.http.httpRoutes
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.room.RoomRegistry
import dev.partyline.server.room.RoomRestart
import dev.partyline.server.room.Secrets
import dev.partyline.server.session.Heartbeat
import dev.partyline.server.session.PlayerSession
import dev.partyline.server.session.SavedQuizHosting
import dev.partyline.server.session.SessionRegistry
import dev.partyline.server.store.Database
import dev.partyline.server.store.JournalWriter
import dev.partyline.server.store.SpillFile
import dev.partyline.server.store.SqlGameStore
import dev.partyline.server.store.SqlAccountStore
import dev.partyline.server.store.SqlImageStore
import dev.partyline.server.store.SqlQuizStore
import dev.partyline.server.store.StoreUnavailable
import dev.partyline.server.transport.ChannelAdmission
import dev.partyline.server.transport.ConnectionGate
import dev.partyline.server.transport.ConnectionRunner
import dev.partyline.server.transport.tcp.TcpServer
import dev.partyline.server.transport.ws.OriginPolicy
import dev.partyline.server.transport.ws.WebSocketUpgrade
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.quiz.Packs
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.WireCodec
import io.ktor.server.application.install
import io.ktor.server.engine.EmbeddedServer
import io.ktor.server.engine.connector
import io.ktor.server.engine.embeddedServer
import io.ktor.server.netty.Netty
import io.ktor.server.netty.NettyApplicationEngine
import io.ktor.server.routing.routing
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.launch
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.future.asCompletableFuture
import kotlinx.coroutines.withTimeoutOrNull
import io.ktor.server.application.ApplicationStopPreparing
import org.slf4j.LoggerFactory
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** Wires a whole server: registries, the TCP listener and the HTTP/WebSocket server. */
class PartylineServer(private val config: ServerConfig, private val clock: Clock = Clock.System) {
    val games: List<Game> = Games.all
    val codec = WireCodec(games)
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val secrets = Secrets()
    val metrics = ServerMetrics().bindProcess()
    private val database = Database.open(config)
    private val gameStore = SqlGameStore(database)
    private val journal = JournalWriter(
        gameStore, SpillFile(Path.of(config.dataDir, SPILL_FILE)), SpillFile(Path.of(config.dataDir, REFUSED_FILE)), config.journalQueue,
    )
    val rooms = RoomRegistry(
        games, scope, clock, config, codec, secrets, metrics, ServerBotPlayer(config.botThinkMillis, clock), journal.takeIf { config.journal },
    )
    val sessions = SessionRegistry(scope, config, secrets)
    private val packs = Packs.all.map { it.summary }
    private val heartbeat = Heartbeat(config, clock)
    private val gate = ConnectionGate(config.connectionsPerSecond, config.connectionBurst, config.limitLoopback, clock)
    private val accounts = SqlAccountStore(database)
    private val quizzes = SqlQuizStore(database)
    private val images = SqlImageStore(database)
    private val runner = ConnectionRunner(config, clock, codec, rooms, sessions, NAME, packs, metrics, heartbeat, gate, SavedQuizHosting(accounts, quizzes, clock))
    private val tcp = TcpServer(config, runner)
    private val admission = ChannelAdmission(gate, scope)
    private val webSockets = WebSocketUpgrade(config, runner, scope)
    private val limiter = LoginLimiter(config.loginAttempts, config.loginWindowMillis, config.limitLoopback, clock)
    private var http: EmbeddedServer<NettyApplicationEngine, NettyApplicationEngine.Configuration>? = null

    val tcpPort: Int get() = tcp.port
    var httpPort: Int = 0
        private set

    /** Starts listening; returns once both ports are bound. */
    suspend fun start(): PartylineServer {
        val caughtUp = journal.catchUp()
        journal.start(scope)
        rooms.start()
        sessions.start()
        if (config.journal) reviveRooms(caughtUp)
        gate.start(scope)
        limiter.start(scope)
        scope.launch { heartbeat.run() }
        tcp.start(scope)
        val server = embeddedServer(Netty, configure = {
            connector { port = config.httpPort; host = config.host }
            channelPipelineConfig = {
                admission.install(this)
                RequestDeadline.install(this, config.requestDeadlineMillis)
                webSockets.install(this)
            }
        }) {
            install(SecurityHeaders)
            install(HeadRequests)
            install(HttpAdmission)
            installApiErrors()
            routing {
                httpRoutes(codec, rooms, packs, ClientLimits.of(config), NAME, metrics, database)
                apiRoutes(OriginPolicy(config.allowedOrigins), accounts, quizzes, images, config.imageQuotaBytes, gameStore, ApiAuth(accounts, clock, config.trustProxy), limiter, clock)
            }
        }
        server.startSuspend(wait = false)
        http = server
        httpPort = server.engine.resolvedConnectors().first().port
        return this
    }

    /**
     * Rebuilds the rooms that were open when the server stopped (in their lobby or playing), before
     * it listens, and keeps their members' sessions for them to resume. Not while entries of the
     * last run wait in the spill file (the store is down): those rooms wait for a start that can
     * read them whole.
     */
    private suspend fun reviveRooms(caughtUp: Boolean) {
        if (!caughtUp) return log.warn("journal entries wait in the spill file: open rooms are rebuilt at a later start")
        val restart = RoomRestart(gameStore, games, config, clock)
        val revivals = try {
            restart.revivals()
        } catch (e: StoreUnavailable) {
            return log.warn("the store is not answering ({}): open rooms are rebuilt at a later start", e.message)
        }
        var rebuilt = 0
        for (revival in revivals) {
            val room = rooms.revive(revival)
            if (room == null) { // its code is taken by a room rebuilt before it
                restart.abandon(revival.record, started = revival.play != null)
                continue
            }
            for (m in revival.members) m.tokenHash?.let { sessions.restore(PlayerSession(m.player, "", m.name, m.bot, room, it)) }
            rebuilt++
        }
        if (rebuilt > 0) log.info("{} rooms rebuilt from the journal", rebuilt)
    }

    private val farewell = scope.async(start = CoroutineStart.LAZY) {
        tcp.stopAccepting()
        rooms.shutdown()
        journal.close()
        heartbeat.closeAll(Goodbye(Goodbye.SHUTDOWN, "the server is shutting down"))
        withTimeoutOrNull(CLOSE_WAIT_MILLIS) { while (metrics.openConnections() > 0) delay(CLOSE_POLL_MILLIS) }
    }

    /**
     * Shuts down gracefully: accepts no more TCP connections, ends every running game with its
     * `game_over` (the scores so far), sends every client `goodbye` `shutdown` after what it has
     * queued, and waits until their connections have closed, at most 5 s. Runs once, however
     * often it is called; [stop] then closes what is left.
     */
    suspend fun shutdown() = farewell.await()

    /**
     * Makes SIGTERM (or any exit of the JVM) run [shutdown] first. Ktor's own exit hook stops the
     * HTTP engine, and raises [ApplicationStopPreparing] before it does, so it waits there too.
     */
    fun shutDownGracefullyOnExit() {
        http?.monitor?.subscribe(ApplicationStopPreparing) { awaitShutdown() }
        Runtime.getRuntime().addShutdownHook(Thread {
            awaitShutdown()
            tcp.stop()
            scope.cancel()
            database.close()
        })
    }

    private fun awaitShutdown() {
        farewell.start()
        runCatching { farewell.asCompletableFuture().get(CLOSE_WAIT_MILLIS + 1000, TimeUnit.MILLISECONDS) }
    }

    fun stop() {
        http?.stop(500, 2000)
        tcp.stop()
        scope.cancel()
        database.close()
    }

    companion object {
        val NAME = "partyline/$PARTYLINE_VERSION"
        private const val CLOSE_WAIT_MILLIS = 5000L
        private const val CLOSE_POLL_MILLIS = 20L
        private const val SPILL_FILE = "journal-spill.jsonl"
        private const val REFUSED_FILE = "journal-refused.jsonl"
        private val log = LoggerFactory.getLogger(PartylineServer::class.java)
    }
}
